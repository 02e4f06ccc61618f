package resilient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// secretForms are the ways a key can come back in an error: as is, URL
// query- and path-encoded (upper- or lower-case hex), JSON-encoded, and
// quoted as preview quotes a body.
func secretForms(key string) []string {
	q := url.QueryEscape(key)
	j, _ := json.Marshal(key)
	return []string{key, q, strings.ToLower(q), url.PathEscape(key), strings.Trim(string(j), `"`),
		strings.Trim(fmt.Sprintf("%q", key), `"`), url.QueryEscape(q)}
}

// A server that echoes the request URL or the key, in any encoding, in an
// error never makes the key appear in jisr's error (issue: a key with
// +/=&% leaked URL-encoded).
func TestSecretsRedactedEncoded(t *testing.T) {
	const key = `secret-XYZ+/=&%"\<>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		j, _ := json.Marshal(map[string]string{"error": "invalid key " + r.URL.Query().Get("key"), "url": r.URL.String()})
		fmt.Fprintf(w, "%s lower %s path %s", j, strings.ToLower(r.URL.RawQuery), url.PathEscape(key))
	}))
	defer srv.Close()
	c := New("x", Policy{Retries: -1}, key)
	_, err := c.Fetch(context.Background(), func(ctx context.Context) (*http.Request, error) {
		return http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/v2?key="+url.QueryEscape(key), nil)
	})
	if err == nil {
		t.Fatal("no error")
	}
	for _, f := range secretForms(key) {
		if strings.Contains(err.Error(), f) {
			t.Errorf("the key appears as %q in %v", f, err)
		}
	}
	// And in a transport error, which quotes the URL.
	c2 := New("x", Policy{Retries: -1}, key)
	_, err = c2.Fetch(context.Background(), func(ctx context.Context) (*http.Request, error) {
		return http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:1/v2?key="+url.QueryEscape(key), nil)
	})
	for _, f := range secretForms(key) {
		if err == nil || strings.Contains(err.Error(), f) {
			t.Errorf("the key appears as %q in %v", f, err)
		}
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("the redacted error lost its type: %T", err)
	}
}
