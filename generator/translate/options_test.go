package translate

import "testing"

func TestOptionsEnv(t *testing.T) {
	if got := (Options{}).Env("K"); got != "" {
		t.Errorf("no Getenv: got %q, want \"\"", got)
	}
	o := Options{Getenv: func(k string) string {
		if k == "K" {
			return " key\n"
		}
		return ""
	}}
	if got := o.Env("K"); got != "key" {
		t.Errorf("got %q, want %q", got, "key")
	}
	if got := o.Env("OTHER"); got != "" {
		t.Errorf("unset: got %q, want \"\"", got)
	}
}
