package app

import (
	"testing"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/export"
)

// TestEveryFormatIsDescribed keeps the Import and Export dialogs saying what each format is,
// also for formats added later.
func TestEveryFormatIsDescribed(t *testing.T) {
	for _, f := range export.Formats() {
		if exportFormats[f] == "" {
			t.Errorf("the Export dialog does not describe %q", f)
		}
	}
	for _, f := range corpus.Formats() {
		if importFormats[f] == "" {
			t.Errorf("the Import dialog does not describe %q", f)
		}
	}
}
