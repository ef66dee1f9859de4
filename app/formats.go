package app

import (
	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/export"
)

// corpusAbout says what corpus format f is, in the window's language (corpus.Format.About in
// English, for formats added since).
func corpusAbout(f corpus.Format) string {
	switch f.Name {
	case "conll":
		return lang.X("format.in.conll", "CoNLL / BIO: one token and its tag per line, a blank line between sentences")
	case "csv":
		return lang.X("format.in.csv", "a table with one article per row; name the column that holds the text")
	case "doccano":
		return lang.X("format.in.doccano", "doccano JSONL: text with [start, end, label] spans")
	case "jsonl":
		return lang.X("format.in.jsonl", "Tawsim's own JSONL records (what Export writes as jsonl), with their labels")
	case "spacy":
		return lang.X("format.in.spacy", "spaCy / Prodigy JSONL: text, tokens and spans")
	case "txt":
		return lang.X("format.in.txt", "plain text: one article per file, its first line the title; a folder imports every .txt in it")
	}
	return f.About
}

// exportAbout says what export format f is, in the window's language.
func exportAbout(f export.Format) string {
	switch f.Name {
	case "conll":
		return lang.X("format.out.conll", "CoNLL: one token and its BIO tag per line")
	case "doccano":
		return lang.X("format.out.doccano", "doccano: text with [start, end, label] entity spans")
	case "doccano-stance":
		return lang.X("format.out.doccano_stance", "doccano text classification: the document stance per target")
	case "hf":
		return lang.X("format.out.hf", "Hugging Face token classification: tokens and BIO tags per sentence, with a label list")
	case "jsonl":
		return lang.X("format.out.jsonl", "Tawsim's own records: everything, one document per line (lossless)")
	case "spacy":
		return lang.X("format.out.spacy", "spaCy / Prodigy: text, tokens and spans")
	case "spacy-doc":
		return lang.X("format.out.spacy_doc", "spaCy Doc JSON: every span in spans.sc (SpanCategorizer), the outer level in ents")
	case "stance":
		return lang.X("format.out.stance", "stance: one record per document and target, with the evidence spans")
	case "stance-claims":
		return lang.X("format.out.stance_claims", "claim-article pairs: the target as the claim, the text as the article, and the label")
	}
	return f.About
}
