// Package agreement measures how far annotators agree: on entity spans (F1 between each
// pair of annotators) and on document stance toward each target (Cohen's kappa for each
// pair, Fleiss' kappa, Krippendorff's alpha, Gwet's AC1 and percent agreement among all of
// them). It knows nothing of SQL, files or the screen: a caller reads a project one document
// at a time and gives each to a Counter, which keeps running sums, never the documents.
//
// # Entity spans
//
// For a pair of annotators (a, b) only the documents both of them annotated count (a document
// is annotated by whoever has an Annotation in it, spans or none). Spans are compared as
// multisets: a span given twice counts twice and is matched at most once per occurrence,
// and nested or overlapping spans count like any other. Over those documents, with |A| and
// |B| the numbers of spans of a and b:
//
//   - strict: a match is a span of a and a span of b with the same start, end and label,
//     paired one to one; F1 = 2·matches / (|A|+|B|). This is the pairwise F-measure that
//     Hripcsak and Rothschild (2005) propose as agreement where kappa has no negatives to
//     count; taking either annotator as the reference gives the same figure.
//   - boundaries: the same with the label ignored (same start and end), the "exact boundary"
//     scheme of SemEval-2013 task 9.1 (Segura-Bedmar et al. 2013).
//   - partial: a span of a and a span of b with the same label that share at least one code
//     point (or have the same range, for an empty span), paired one to one so that the number
//     of pairs is the largest possible (a maximum matching; every strict match is such a
//     pair, so partial ≥ strict); F1 = 2·pairs / (|A|+|B|). This is the "type" scheme of
//     SemEval-2013 task 9.1 (some overlap and the right type count as a whole match) and
//     MUC's TYPE credit (Chinchor and Sundheim 1993).
//
// Each figure is also given per label (the spans of that label of either annotator), and per
// document in DocumentAgreement. F1 with no span on either side is undefined (nil, null in
// JSON): there is nothing to compare.
//
// # Document stance
//
// Each target is a separate study whose items are documents and whose categories are the
// stance labels. An annotator rates a document toward a target when their Annotation holds
// a Stance with that target and a non-empty label. The annotators of a target are those who
// rated at least one document toward it. With n_ik the number of ratings of category k on
// document i and r_i = Σ_k n_ik:
//
//   - percent agreement: the share of agreeing pairs of ratings on each document rated at
//     least twice, Σ_k n_ik(n_ik−1) / (r_i(r_i−1)), averaged over those documents (Gwet 2014;
//     irrCAC's pa.coeff.raw). For a pair of annotators it is the share of the documents both
//     rated on which they gave the same label.
//   - Cohen's kappa (Cohen 1960), for each pair over the documents both rated:
//     (p_o − p_e)/(1 − p_e) with p_e from each annotator's own label shares.
//   - Fleiss' kappa (Fleiss 1971), over the documents rated by every annotator of the target:
//     Fleiss' formula needs the same number of ratings on every item, so documents that some
//     annotator left out do not count here (they do in alpha and AC1).
//   - Krippendorff's alpha, nominal, by the coincidence matrix (Krippendorff 2011, "Computing
//     Krippendorff's Alpha-Reliability"): any number of annotators, missing ratings allowed,
//     documents rated once are not pairable and do not count. α = 1 − (n−1)·Σ_u D_u /
//     (n² − Σ_k n_k²), with D_u = (r_u² − Σ_k n_uk²)/(r_u−1) the disagreeing pairs of document
//     u, n_k the pairable ratings of category k and n = Σ_k n_k.
//   - Gwet's AC1, multi-rater form (Gwet 2008; Gwet 2014, as irrCAC's gwet.ac1.raw computes
//     it): (p_a − p_e)/(1 − p_e), p_a the percent agreement above, p_e = Σ_k π_k(1−π_k)/(q−1),
//     π_k the mean over documents rated at least once of n_ik/r_i, q the number of categories
//     (Options.StanceLabels together with the labels met). Where one label dominates, kappa
//     and alpha collapse toward zero while AC1 does not.
//
// A coefficient that its formula leaves undefined is nil (null in JSON), never NaN: kappa
// when p_e = 1 (both annotators used one and the same label only) or when there is no item;
// Fleiss' kappa when there are fewer than two annotators, no document rated by all of them,
// or one label only; alpha with no pairable rating or one label only (Krippendorff: the data
// show no variation to be reliable about); AC1 and percent agreement with no document rated
// twice, AC1 also when q < 2.
package agreement
