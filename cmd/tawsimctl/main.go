// Command tawsimctl works on Tawsim project files without a window: it creates projects,
// imports corpora, reports statistics and checks integrity, for scripts and ML pipelines.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"

	"github.com/tawsim/tawsim/internal/safetext"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1 // bad input, a failed check, an error while working
	exitUsage  = 2 // the command line itself is wrong
)

// env is what a command reads and writes, so tests can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	stderrIsTerm   bool
}

type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

var commands = map[string]command{
	"init":       {"create a project file with the default label schema", runInit},
	"import":     {"import corpus files into a project", runImport},
	"export":     {"write a project as training data (jsonl, doccano, spacy, hf, conll, stance, stance-claims)", runExport},
	"targets":    {"list, add and rename the stance targets of a project", runTargets},
	"stats":      {"print a project's counts: documents, statuses, labels", runStats},
	"check":      {"check a project's integrity: SQLite's own check and every span against its text", runCheck},
	"merge":      {"take the documents and annotators' work of other projects into a team project", runMerge},
	"adjudicate": {"settle the work of several annotators into a curator's gold (unanimous or majority)", runAdjudicate},
	"agreement":  {"measure how far the annotators of a project agree: span F1, kappa, alpha, AC1", runAgreement},
	"suggest":    {"suggest labels from gazetteers, patterns and what annotators labeled elsewhere", runSuggest},
	"search":     {"find documents by words (Arabic-normalized) and by label, annotator, status and stance", runSearch},
	"copy":       {"move a project whole between a file and a PostgreSQL server, either way", runCopy},
	"assign":     {"give a server project an assignment queue: each document to N annotators", runAssign},
}

func main() {
	if os.Getenv("GOGC") == "" {
		// Imports and exports stream through many short-lived strings while the live heap stays
		// small: collecting less often saves a fifth of an export's time for some tens of MB.
		debug.SetGCPercent(400)
	}
	if p := os.Getenv("TAWSIM_CPUPROFILE"); p != "" {
		// For measuring imports and exports: TAWSIM_CPUPROFILE=FILE writes a CPU profile.
		if err := startProfile(p); err != nil {
			fmt.Fprintln(os.Stderr, "tawsimctl:", err)
			os.Exit(exitUsage)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stderrIsTerm: isTerminal(os.Stderr)}
	code := run(ctx, e, os.Args[1:])
	pprof.StopCPUProfile()
	if p := os.Getenv("TAWSIM_MEMPROFILE"); p != "" {
		// TAWSIM_MEMPROFILE=FILE writes where the command allocated (go tool pprof -sample_index=alloc_space).
		if err := writeMemProfile(p); err != nil {
			fmt.Fprintln(os.Stderr, "tawsimctl:", err)
		}
	}
	os.Exit(code)
}

// startProfile starts writing a CPU profile to path; it ends when main does.
func startProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	return pprof.StartCPUProfile(f)
}

// writeMemProfile writes the heap profile, with every allocation made so far, to path.
func writeMemProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("memory profile: %w", err)
	}
	defer f.Close()
	runtime.GC() // the profile counts allocations up to the last collection
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		return fmt.Errorf("memory profile: %w", err)
	}
	return f.Close()
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "tawsimctl: unknown command %q\n\n", args[0])
		usage(e.stderr)
		return exitUsage
	}
	err := cmd.run(ctx, e, args[1:])
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, new(usageError)):
		fmt.Fprintf(e.stderr, "tawsimctl %s: %s\nRun 'tawsimctl %s --help' for usage.\n", args[0], esc(err.Error()), args[0])
		return exitUsage
	case errors.Is(err, errReported):
		return exitFailed
	default:
		fmt.Fprintf(e.stderr, "tawsimctl %s: %s\n", args[0], esc(err.Error()))
		return exitFailed
	}
}

// esc makes text from the outside safe to print: names from projects and corpora, file
// names, and the errors that quote them, with their control and format characters escaped
// (a bidi override would reorder the line, a newline would fake a line of its own).
func esc(s string) string { return safetext.Escape(s) }

func usage(w io.Writer) {
	fmt.Fprint(w, "tawsimctl works on Tawsim project files without a window.\n\nUsage: tawsimctl COMMAND [FLAGS] [ARGS]\n\nCommands:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "  %-*s %s\n", width, n, commands[n].summary)
	}
	fmt.Fprint(w, "\nRun 'tawsimctl COMMAND --help' for a command's flags.\nExit status: 0 success, 1 bad input or a failed check, 2 misuse.\n")
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// errReported means the command has already told the user what went wrong: exit status 1.
var errReported = errors.New("reported")

// newFlags returns a flag set for a command whose help text starts with synopsis.
func newFlags(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	help := &helpText{stdout: e.stdout}
	fs.SetOutput(help)
	fs.Usage = func() {
		fmt.Fprintf(help, "Usage: tawsimctl %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// helpText holds what the flag package writes while it parses: the usage, and on a mistake
// its error too. parse prints it on standard output for --help alone; a mistake is told once,
// on standard error, by run, so that a script reading standard output gets no usage as data.
type helpText struct {
	bytes.Buffer
	stdout io.Writer
}

// parse parses flags that may come before, between or after the positional arguments,
// and returns the positional ones. "--" ends the flags.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		err := fs.Parse(args)
		if help, ok := fs.Output().(*helpText); ok {
			if errors.Is(err, flag.ErrHelp) {
				help.WriteTo(help.stdout)
			}
			help.Reset()
		}
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		if err != nil {
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parseNoArgs parses a command that takes flags only, --db among them. db must point at the
// flag's value, read after parsing.
func parseNoArgs(flags *flag.FlagSet, args []string, db *string) error {
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if err := needDB(*db); err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	return nil
}

// needDB returns the --db value or a usage error.
func needDB(db string) error {
	if strings.TrimSpace(db) == "" {
		return usagef("--db PROJECT is required")
	}
	return nil
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
