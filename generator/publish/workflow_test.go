package publish

import (
	"github.com/jisr-news/jisr/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

type workflow struct {
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Needs       any               `yaml:"needs"`
		Permissions map[string]string `yaml:"permissions"`
		Environment struct {
			Name string `yaml:"name"`
		} `yaml:"environment"`
		Steps []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]any    `yaml:"with"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// TestPagesWorkflow checks the GitHub Pages workflow against what Pages
// requires and against the README's build command.
func TestPagesWorkflow(t *testing.T) {
	root := testenv.RepoRoot(t)
	data, err := os.ReadFile(filepath.Join(root, ".github/workflows/pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("pages.yml: %v", err)
	}
	uses := map[string]int{}
	var buildCmd, baseURL string
	var pagesID string
	for _, job := range wf.Jobs {
		for _, s := range job.Steps {
			name, _, _ := strings.Cut(s.Uses, "@")
			uses[name]++
			switch name {
			case "actions/configure-pages":
				pagesID = s.ID
			case "actions/upload-pages-artifact":
				if s.With["path"] != "public" {
					t.Errorf("upload-pages-artifact path = %v, want public", s.With["path"])
				}
				if s.With["include-hidden-files"] != true {
					t.Error("upload-pages-artifact drops .nojekyll without include-hidden-files: true")
				}
			case "actions/deploy-pages":
				if job.Environment.Name != "github-pages" {
					t.Errorf("deploy job environment %q", job.Environment.Name)
				}
				// The workflow's or the deploy job's permissions.
				perm := job.Permissions
				if perm == nil {
					perm = wf.Permissions
				}
				if perm["pages"] != "write" || perm["id-token"] != "write" {
					t.Errorf("deploy permissions = %v, want pages: write and id-token: write", perm)
				}
			}
			if strings.Contains(s.Run, "cmd/jisr build") {
				buildCmd, baseURL = s.Run, s.Env["BASE_URL"]
			}
		}
	}
	for _, a := range []string{"actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} {
		if uses[a] != 1 {
			t.Errorf("%s used %d times, want once", a, uses[a])
		}
	}
	// The README's build command under the URL Pages gives the site.
	if pagesID == "" || !strings.Contains(buildCmd, `go run ./cmd/jisr build --base-url "$BASE_URL"`) ||
		baseURL != "${{ steps."+pagesID+".outputs.base_url }}/" {
		t.Errorf("build step = %q with BASE_URL %q, want the README's build command under the Pages base URL", buildCmd, baseURL)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "go run ./cmd/jisr build\n") || !strings.Contains(string(readme), "## Publishing") {
		t.Error("README lacks the build command or the Publishing section")
	}
}
