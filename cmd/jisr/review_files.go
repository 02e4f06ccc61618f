package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jisr-news/jisr/generator/review"
)

// importFiles expands the arguments of "jisr review import": a file stays
// as it is; a folder gives the files in it that review.Importable accepts
// (.xlf, .xliff, .po, .tmx; not in subfolders, not hidden), sorted. So
// "jisr review import review/" reads a whole export, which at 100,000
// articles is more names than a shell passes to one command
// ("review/*.po": argument list too long). A folder with no such file is
// an error naming it.
func importFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			out = append(out, a) // the import names a file it cannot read
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, fmt.Errorf("review import: %w", err)
		}
		var names []string
		for _, e := range entries {
			if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") && review.Importable(e.Name()) {
				names = append(names, filepath.Join(a, e.Name()))
			}
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("review import: %s holds no .xlf, .xliff, .po or .tmx file", a)
		}
		sort.Strings(names)
		out = append(out, names...)
	}
	return out, nil
}
