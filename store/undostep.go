package store

import (
	"errors"
	"fmt"
)

// ErrStaleStep: the step an undo or redo named is no longer the one at the top of the
// annotator's stack (another window of theirs undid, redid or changed something since it was
// read), and nothing was changed.
var ErrStaleStep = errors.New("the undo stack changed since its step was read")

// StepState is what a store reads of an annotator's stacks, inside the write of an undo or
// redo, for DecideStep: the step that Undo (Redo) would take next, 0 for none, and whether the
// step named is on a stack and whether it is undone.
type StepState struct {
	Next   int64
	On     bool
	Undone bool
}

// DecideStep decides what UndoStep does with step seq of an annotator's stacks, undoing it
// (redo false) or redoing it, from what the store read of them (st): the step to take (seq,
// or st.Next when seq is 0, as Undo and Redo ask) and whether to apply it. apply false with no
// error means that the step is already as asked, undone (redone) by an earlier attempt of the
// same call whose answer was lost: the store returns its event again and changes nothing.
// A step that is not the next to take is refused with ErrStaleStep, an empty stack with
// ErrNothingToUndo (ErrNothingToRedo).
func DecideStep(seq int64, redo bool, st StepState) (take int64, apply bool, err error) {
	empty := ErrNothingToUndo
	if redo {
		empty = ErrNothingToRedo
	}
	switch {
	case seq == 0 && st.Next == 0:
		return 0, false, empty
	case seq == 0 || seq == st.Next:
		return max(seq, st.Next), true, nil
	case st.On && st.Undone != redo:
		return seq, false, nil
	case !st.On:
		return 0, false, fmt.Errorf("step %d is on no stack of the annotator: %w", seq, ErrStaleStep)
	}
	return 0, false, fmt.Errorf("step %d is not the next, %d is: %w", seq, st.Next, ErrStaleStep)
}

// StepName names an undo (redo false) or a redo in an error.
func StepName(redo bool) string { return stepName(redo) }

func stepName(redo bool) string {
	if redo {
		return "redo"
	}
	return "undo"
}
