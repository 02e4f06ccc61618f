package source

import (
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// bigArticle returns an Arabic .txt article of about n bytes: paragraphs of
// a few sentences, as a long real article has.
func bigArticle(n int) []byte {
	const para = "قال الرئيس إن الحكومة ستجتمع يوم الأحد المقبل لبحث الموازنة. وأضاف أن الوزراء الثلاثة استقالوا، وأن البرلمان سيصوت على خلفائهم. ولم يعلق المتحدث على ذلك.\n"
	var b strings.Builder
	b.WriteString("عنوان طويل\n")
	for b.Len() < n {
		b.WriteString(para)
	}
	return []byte(b.String())
}

// BenchmarkReadFile reads, decodes and segments one article at growing
// sizes: the time per MB stays flat when reading is linear (Article.Text
// once concatenated with +=, 4 MB took 58 s).
//
//	go test -run '^$' -bench ReadFile -benchtime 1x ./generator/source/
func BenchmarkReadFile(b *testing.B) {
	for _, mb := range []int{1, 10, 50} {
		data := bigArticle(mb << 20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			fs := afero.NewMemMapFs()
			afero.WriteFile(fs, "/s/a.txt", data, 0o644)
			b.SetBytes(int64(len(data)))
			for range b.N {
				arts, err := ReadFile(fs, "/s/a.txt")
				if err != nil || len(arts) != 1 {
					b.Fatal(err)
				}
				_ = arts[0].Text()
			}
		})
	}
}
