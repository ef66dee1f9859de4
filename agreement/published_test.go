package agreement

import "testing"

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
// observers, twelve units, values 1-5 with missing values; nominal alpha 0.743. The same
// table is irrCAC's cac.raw4raters; the irrCAC README (Gwet) reports for it percent agreement
// 0.8181818, Gwet's AC1 0.77544 and Krippendorff's alpha 0.74342.
func TestKrippendorffReliabilityData(t *testing.T) {
	names := []string{"A", "B", "C", "D"}
	rows := [][]string{
		{"1", "1", "", "1"},
		{"2", "2", "3", "2"},
		{"3", "3", "3", "3"},
		{"3", "3", "3", "3"},
		{"2", "2", "2", "2"},
		{"1", "2", "3", "4"},
		{"4", "4", "4", "4"},
		{"1", "1", "2", "1"},
		{"2", "2", "2", "2"},
		{"", "5", "5", "5"},
		{"", "", "1", "1"},
		{"", "", "3", ""},
	}
	ta := stanceOf(t, count(t, Options{}, fromMatrix(names, rows)).Result(), "t")
	near(t, "alpha", ta.Alpha, 0.743, 5e-4)
	near(t, "alpha", ta.Alpha, 0.74342, 5e-6)
	near(t, "percent agreement", ta.PercentAgreement, 0.8181818, 5e-8)
	near(t, "AC1", ta.GwetAC1, 0.77544, 5e-6)
	if ta.Items != 11 || ta.Annotators != 4 {
		t.Errorf("items %d, annotators %d; want 11 (unit 12 has one value), 4", ta.Items, ta.Annotators)
	}
	// Fleiss' kappa over the units every observer coded, 2-9, worked by hand: P_i is 1 on
	// units 3, 4, 5, 7 and 9, 0.5 on units 2 and 8, 0 on unit 6, so P̄ = 6/8 = 0.75; values 1-4 come
	// 4, 13, 10 and 5 times of 32, so P̄e = (16+169+100+25)/1024 = 0.302734375.
	if ta.FleissItems != 8 {
		t.Errorf("fleiss items = %d, want 8", ta.FleissItems)
	}
	near(t, "fleiss kappa", ta.FleissKappa, (0.75-0.302734375)/(1-0.302734375), 1e-12)
	if len(ta.Pairs) != 6 {
		t.Fatalf("%d pairs, want 6", len(ta.Pairs))
	}
}

// Fleiss (1971)-style table of the Wikipedia article "Fleiss' kappa": fourteen raters,
// ten subjects, five categories; P̄ = 0.378, P̄e = 0.213, kappa 0.210.
func TestFleissWikipediaTable(t *testing.T) {
	counts := [][]int{
		{0, 0, 0, 0, 14},
		{0, 2, 6, 4, 2},
		{0, 0, 3, 5, 6},
		{0, 3, 9, 2, 0},
		{2, 2, 8, 1, 1},
		{7, 7, 0, 0, 0},
		{3, 2, 6, 3, 0},
		{2, 5, 3, 2, 2},
		{6, 5, 2, 1, 0},
		{0, 2, 2, 3, 7},
	}
	ta := stanceOf(t, count(t, Options{}, fromCounts([]string{"1", "2", "3", "4", "5"}, counts)).Result(), "t")
	near(t, "fleiss kappa", ta.FleissKappa, 0.210, 5e-4)
	if ta.FleissItems != 10 || ta.Annotators != 14 {
		t.Errorf("fleiss items %d, annotators %d; want 10, 14", ta.FleissItems, ta.Annotators)
	}
	near(t, "percent agreement (P̄)", ta.PercentAgreement, 0.378, 5e-4)
}

// irrCAC's distrib.6raters (six psychiatrists, fifteen patients, five diagnoses), as its
// README reports: Fleiss' kappa 0.4139265, Gwet's AC1 0.4448007, Krippendorff's alpha
// 0.4204384, percent agreement 0.5511111.
func TestIrrCACSixRaters(t *testing.T) {
	counts := [][]int{
		{0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6}, {0, 3, 0, 3, 0},
		{2, 0, 4, 0, 0}, {0, 0, 4, 0, 2}, {2, 0, 3, 1, 0}, {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6},
		{1, 0, 0, 5, 0}, {1, 1, 0, 4, 0}, {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0}, {0, 2, 0, 3, 1},
	}
	cats := []string{"Depression", "Personality Disorder", "Schizophrenia", "Neurosis", "Other"}
	ta := stanceOf(t, count(t, Options{}, fromCounts(cats, counts)).Result(), "t")
	near(t, "fleiss kappa", ta.FleissKappa, 0.4139265, 5e-8)
	near(t, "AC1", ta.GwetAC1, 0.4448007, 5e-8)
	near(t, "alpha", ta.Alpha, 0.4204384, 5e-8)
	near(t, "percent agreement", ta.PercentAgreement, 0.5511111, 5e-8)
}

// Cohen's kappa of the Wikipedia article "Cohen's kappa": 50 proposals, both readers yes on
// 20, A yes and B no on 5, A no and B yes on 10, both no on 15; p_o = 0.7, p_e = 0.5,
// kappa 0.4.
func TestCohenWikipedia(t *testing.T) {
	docs := fromTable([]string{"Yes", "No"}, [][]int{{20, 5}, {10, 15}})
	ta := stanceOf(t, count(t, Options{}, docs).Result(), "t")
	if len(ta.Pairs) != 1 || ta.Pairs[0].Items != 50 {
		t.Fatalf("pairs %+v, want one of 50 items", ta.Pairs)
	}
	near(t, "kappa", ta.Pairs[0].Kappa, 0.4, 1e-12)
	near(t, "pair agreement", ta.Pairs[0].PercentAgreement, 0.7, 1e-12)
}

// irrCAC's cont3x3abstractors (two abstractors, 100 pregnancies, three types), as its README
// reports: Cohen's kappa 0.7964094, Gwet's AC1 0.8493305, Krippendorff's alpha 0.7972585,
// percent agreement 0.89.
func TestIrrCACAbstractors(t *testing.T) {
	docs := fromTable([]string{"Ectopic", "AIU", "NIU"}, [][]int{{13, 0, 0}, {0, 20, 7}, {0, 4, 56}})
	ta := stanceOf(t, count(t, Options{}, docs).Result(), "t")
	near(t, "kappa", ta.Pairs[0].Kappa, 0.7964094, 5e-8)
	near(t, "AC1", ta.GwetAC1, 0.8493305, 5e-8)
	near(t, "alpha", ta.Alpha, 0.7972585, 5e-8)
	near(t, "percent agreement", ta.PercentAgreement, 0.89, 1e-12)
	near(t, "pair agreement", ta.Pairs[0].PercentAgreement, 0.89, 1e-12)
}
