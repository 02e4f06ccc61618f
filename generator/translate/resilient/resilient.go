// Package resilient is the calling discipline that every HTTP translation
// engine shares: a rate limit and a concurrency limit per engine, a timeout
// on every attempt, retries with exponential backoff and jitter that honour
// Retry-After, a response size limit, detection of an HTML page (a CAPTCHA
// or an error page) where JSON was expected, and a circuit breaker that
// stops hammering an engine that keeps failing.
//
// In: a request builder (or any call) and a Policy. Out: the decoded
// response, or an *Error that says whether the failure was retryable,
// final (quota exhausted, key refused) or the breaker being open. The
// runner (package run) falls back to the gist engine on any error.
//
// Secrets given to New never appear in an error message, in any form a
// server may echo them: as they are, URL-, JSON- or Go-quoted (see
// secretPattern). A response body is read through a limited reader: past
// Policy.MaxBody (8 MiB by default, setting max_body) the call fails with
// ErrTooLarge, before more is read.
package resilient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sony/gobreaker/v2"
	"golang.org/x/time/rate"
)

// Policy says how an engine is called. Zero fields take the defaults of
// DefaultPolicy.
type Policy struct {
	// Retries is how many times a retryable failure is retried; 0 takes
	// the default, a negative number means no retries.
	Retries int
	// BaseDelay and MaxDelay bound the exponential backoff: attempt n
	// waits between half and all of min(MaxDelay, BaseDelay·2ⁿ).
	BaseDelay, MaxDelay time.Duration
	// MaxRetryAfter is the longest Retry-After honoured; a server asking
	// for a longer wait fails the call instead.
	MaxRetryAfter time.Duration
	// Timeout bounds each attempt.
	Timeout time.Duration
	// MaxBody is the largest response body accepted, in bytes.
	MaxBody int64
	// Concurrency is how many requests may be in flight at once.
	Concurrency int
	// Rate is the most requests per second (0: unlimited), with Burst.
	Rate  float64
	Burst int
	// BreakerFailures is how many calls in a row must fail, retries
	// exhausted, before the breaker opens. A final failure opens it at
	// once.
	BreakerFailures int
	// BreakerCooldown is how long the breaker stays open before it lets
	// one trial call through.
	BreakerCooldown time.Duration
}

// DefaultPolicy is the policy of an engine that sets nothing.
var DefaultPolicy = Policy{
	Retries:         4,
	BaseDelay:       500 * time.Millisecond,
	MaxDelay:        30 * time.Second,
	MaxRetryAfter:   2 * time.Minute,
	Timeout:         60 * time.Second,
	MaxBody:         8 << 20,
	Concurrency:     4,
	BreakerFailures: 5,
	BreakerCooldown: time.Minute,
}

func (p Policy) withDefaults() Policy {
	d := DefaultPolicy
	if p.Retries == 0 {
		p.Retries = d.Retries
	}
	if p.Retries < 0 {
		p.Retries = 0
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = d.BaseDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = d.MaxDelay
	}
	if p.MaxRetryAfter <= 0 {
		p.MaxRetryAfter = d.MaxRetryAfter
	}
	if p.Timeout <= 0 {
		p.Timeout = d.Timeout
	}
	if p.MaxBody <= 0 {
		p.MaxBody = d.MaxBody
	}
	if p.Concurrency <= 0 {
		p.Concurrency = d.Concurrency
	}
	if p.BreakerFailures <= 0 {
		p.BreakerFailures = d.BreakerFailures
	}
	if p.BreakerCooldown <= 0 {
		p.BreakerCooldown = d.BreakerCooldown
	}
	return p
}

// Kind classifies a failure.
type Kind int

// Kinds of failure.
const (
	// Failed: not worth retrying (a 400, say), but the engine may work
	// for other requests.
	Failed Kind = iota
	// Retryable: 408, 429, 5xx, a timeout, a dropped connection, an HTML
	// page, malformed or truncated JSON.
	Retryable
	// Final: the engine will not work in this run (quota exhausted, key
	// refused); the breaker opens at once.
	Final
	// Open: the breaker is open; no request was sent.
	Open
)

// String names the kind.
func (k Kind) String() string {
	return [...]string{"failed", "retryable", "final", "breaker open"}[k]
}

// Error is a classified engine failure.
type Error struct {
	Engine     string
	Status     int // HTTP status, 0 when there was no response
	Kind       Kind
	RetryAfter time.Duration // what the server asked for, 0 when nothing
	Err        error
}

// Error says which engine failed, the HTTP status and why.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Engine)
	if e.Status != 0 {
		fmt.Fprintf(&b, ": HTTP %d", e.Status)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	fmt.Fprintf(&b, " (%s)", e.Kind)
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Sentinel causes, for errors.Is.
var (
	ErrOpen     = errors.New("circuit breaker open: the engine failed repeatedly")
	ErrHTML     = errors.New("got an HTML page where JSON was expected (CAPTCHA or error page)")
	ErrTooLarge = errors.New("response too large")
)

// KindOf returns the kind of err: its own when it is (or wraps) an *Error;
// Retryable for timeouts, dropped connections and truncated bodies; Failed
// otherwise.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, io.EOF), errors.As(err, &ne):
		return Retryable
	}
	return Failed
}

// StatusKind classifies an HTTP status: 408, 425, 429 and 5xx are
// retryable; 401, 403 and 456 (DeepL's quota exhausted) are final; other
// statuses failed.
func StatusKind(status int) Kind {
	switch {
	case status == 408 || status == 425 || status == 429 || status >= 500:
		return Retryable
	case status == 401 || status == 403 || status == 456:
		return Final
	}
	return Failed
}

// RetryAfter parses a Retry-After header: seconds or an HTTP date.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(0, t.Sub(now))
	}
	return 0
}

// Client calls one engine under a Policy. It is safe for concurrent use;
// create one per engine so that limits and the breaker are per engine.
type Client struct {
	// HTTP sends the requests; its own Timeout should be 0 (each attempt
	// has the policy's).
	HTTP *http.Client

	name     string
	pol      Policy
	lim      *rate.Limiter
	sem      chan struct{}
	cb       *gobreaker.CircuitBreaker[struct{}]
	final    atomic.Bool
	secretRE *regexp.Regexp
	sent     atomic.Int64
}

// New returns a client for the engine name. Every secret (API keys) is
// replaced by "***" in the errors the client returns.
func New(name string, pol Policy, secrets ...string) *Client {
	pol = pol.withDefaults()
	// Keep as many idle connections as requests in flight (the default
	// keeps 2 per host, so 8 workers would keep reconnecting).
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = max(pol.Concurrency, 2)
	c := &Client{HTTP: &http.Client{Transport: tr}, name: name, pol: pol, sem: make(chan struct{}, pol.Concurrency)}
	c.secretRE = secretPattern(secrets)
	if pol.Rate > 0 {
		c.lim = rate.NewLimiter(rate.Limit(pol.Rate), max(1, pol.Burst))
	}
	c.cb = gobreaker.NewCircuitBreaker[struct{}](gobreaker.Settings{
		Name:    name,
		Timeout: pol.BreakerCooldown,
		ReadyToTrip: func(n gobreaker.Counts) bool {
			return c.final.Load() || int(n.ConsecutiveFailures) >= pol.BreakerFailures
		},
		IsExcluded: func(err error) bool {
			// A cancelled run says nothing about the engine.
			return errors.Is(err, context.Canceled)
		},
	})
	return c
}

// Policy returns the client's policy, defaults filled in.
func (c *Client) Policy() Policy { return c.pol }

// Requests returns how many attempts the client has sent.
func (c *Client) Requests() int64 { return c.sent.Load() }

// Call runs fn under the breaker, the limits and the retry policy. fn gets
// a context with the attempt's timeout; it should return an *Error (see
// StatusError) to classify its failures.
func (c *Client) Call(ctx context.Context, fn func(ctx context.Context) error) error {
	_, err := c.cb.Execute(func() (struct{}, error) { return struct{}{}, c.retry(ctx, fn) })
	if errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests) {
		err = &Error{Engine: c.name, Kind: Open, Err: ErrOpen}
	}
	if err != nil {
		return c.redact(err)
	}
	return nil
}

func (c *Client) retry(ctx context.Context, fn func(ctx context.Context) error) error {
	for attempt := 0; ; attempt++ {
		err := c.attempt(ctx, fn)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", c.name, ctx.Err())
		}
		kind := KindOf(err)
		var e *Error
		if !errors.As(err, &e) {
			e = &Error{Engine: c.name, Kind: kind, Err: err}
		}
		switch {
		case kind == Final:
			c.final.Store(true)
			return e
		case kind != Retryable:
			return e
		case attempt >= c.pol.Retries:
			return fmt.Errorf("gave up after %d attempts: %w", attempt+1, e)
		}
		wait := c.backoff(attempt)
		if e.RetryAfter > c.pol.MaxRetryAfter {
			return fmt.Errorf("server asks to wait %s, more than %s: %w", e.RetryAfter, c.pol.MaxRetryAfter, e)
		}
		wait = max(wait, e.RetryAfter)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%s: %w", c.name, ctx.Err())
		case <-t.C:
		}
	}
}

func (c *Client) attempt(ctx context.Context, fn func(ctx context.Context) error) error {
	if c.lim != nil {
		if err := c.lim.Wait(ctx); err != nil {
			return err
		}
	}
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-c.sem }()
	actx, cancel := context.WithTimeout(ctx, c.pol.Timeout)
	defer cancel()
	c.sent.Add(1)
	err := fn(actx)
	if err != nil && actx.Err() != nil && ctx.Err() == nil {
		// The attempt timed out: retryable, whatever fn made of it.
		return &Error{Engine: c.name, Kind: Retryable, Err: fmt.Errorf("no answer within %s: %w", c.pol.Timeout, err)}
	}
	return err
}

// backoff returns the wait before retry n (0-based): equal jitter, between
// half and all of min(MaxDelay, BaseDelay·2ⁿ).
func (c *Client) backoff(n int) time.Duration {
	d := c.pol.MaxDelay
	if n < 30 {
		d = min(d, c.pol.BaseDelay<<n)
	}
	half := d / 2
	return half + rand.N(half+1)
}

// JSON sends the request that build makes (once per attempt), checks the
// status, the size and that the body is not an HTML page, and decodes the
// JSON body into a fresh T. Malformed or truncated JSON is retryable.
func JSON[T any](ctx context.Context, c *Client, build func(ctx context.Context) (*http.Request, error)) (T, error) {
	var out T
	err := c.Call(ctx, func(ctx context.Context) error {
		out = *new(T)
		body, err := c.Fetch(ctx, build)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(body, &out); err != nil {
			return &Error{Engine: c.name, Kind: Retryable, Err: fmt.Errorf("malformed JSON (%v): %s", err, preview(c.scrub(body)))}
		}
		return nil
	})
	return out, err
}

// Fetch sends one request (no retries: use it inside Call) and returns its
// body when the status is 2xx, the body fits MaxBody and is not HTML.
func (c *Client) Fetch(ctx context.Context, build func(ctx context.Context) (*http.Request, error)) ([]byte, error) {
	body, err := c.fetch(ctx, build)
	if err != nil {
		return nil, c.redact(err)
	}
	return body, nil
}

func (c *Client) fetch(ctx context.Context, build func(ctx context.Context) (*http.Request, error)) ([]byte, error) {
	req, err := build(ctx)
	if err != nil {
		return nil, &Error{Engine: c.name, Kind: Failed, Err: err}
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			// url.Error quotes the URL, which may carry a key.
			err = fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, ue.Err)
		}
		return nil, &Error{Engine: c.name, Kind: KindOf(err), Err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.pol.MaxBody+1))
	if err != nil {
		return nil, &Error{Engine: c.name, Status: resp.StatusCode, Kind: Retryable, Err: fmt.Errorf("reading the response: %w", err)}
	}
	if int64(len(body)) > c.pol.MaxBody {
		return nil, &Error{Engine: c.name, Status: resp.StatusCode, Kind: Failed, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, c.pol.MaxBody)}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, StatusError(c.name, resp, c.scrub(body)) // before the preview cuts a key in two
	}
	if LooksHTML(resp.Header.Get("Content-Type"), body) {
		return nil, &Error{Engine: c.name, Status: resp.StatusCode, Kind: Retryable, Err: ErrHTML}
	}
	return body, nil
}

// StatusError classifies a non-2xx response, with the server's Retry-After
// and the start of its body.
func StatusError(engine string, resp *http.Response, body []byte) *Error {
	return &Error{Engine: engine, Status: resp.StatusCode, Kind: StatusKind(resp.StatusCode),
		RetryAfter: RetryAfter(resp.Header, time.Now()), Err: errors.New(preview(body))}
}

// LooksHTML reports whether a response that should be JSON is an HTML
// page: by its content type, or by a body that starts with a tag.
func LooksHTML(contentType string, body []byte) bool {
	if strings.Contains(strings.ToLower(contentType), "html") {
		return true
	}
	b := bytes.TrimLeft(body, " \t\r\n\ufeff")
	return len(b) > 0 && b[0] == '<'
}

// preview returns the start of a body, on one line, for error messages.
func preview(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	if s == "" {
		return "empty body"
	}
	return strconvQuote(s)
}

func strconvQuote(s string) string { return strconv.QuoteToGraphic(s) }

// redact replaces the client's secrets in the message of err, in every
// form a server or Go's HTTP client may give them back (see secretPattern).
func (c *Client) redact(err error) error {
	if c.secretRE == nil || !c.secretRE.MatchString(err.Error()) {
		return err
	}
	return &redacted{err: err, re: c.secretRE}
}

// secretPattern matches each secret as it is, URL-encoded for a query or
// a path, JSON-encoded (with and without HTML escaping), and each of these
// quoted as a Go string (as error previews quote bodies), ignoring case
// (servers echo percent-encoding in lower case too). nil when there are no
// secrets.
func secretPattern(secrets []string) *regexp.Regexp {
	seen := map[string]bool{}
	var forms []string
	add := func(f string) {
		if f != "" && !seen[f] {
			seen[f] = true
			forms = append(forms, f)
		}
	}
	for _, s := range secrets {
		base := []string{s, url.QueryEscape(s), url.PathEscape(s), jsonString(s, true), jsonString(s, false)}
		for _, f := range base {
			add(f)
			add(strings.Trim(strconv.QuoteToGraphic(f), `"`))
			add(url.QueryEscape(f)) // a URL inside a query
		}
	}
	if len(forms) == 0 {
		return nil
	}
	// Longest first, so that a form is never cut by a shorter one inside it.
	sort.Slice(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
	for i, f := range forms {
		forms[i] = regexp.QuoteMeta(f)
	}
	return regexp.MustCompile("(?i)" + strings.Join(forms, "|"))
}

// jsonString is s as encoding/json writes it inside quotes.
func jsonString(s string, escapeHTML bool) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	enc.Encode(s)
	return strings.Trim(strings.TrimSpace(b.String()), `"`)
}

// scrub replaces the secrets in a response body, before it is cut into an
// error's preview.
func (c *Client) scrub(body []byte) []byte {
	if c.secretRE == nil {
		return body
	}
	return c.secretRE.ReplaceAll(body, []byte("***"))
}

type redacted struct {
	err error
	re  *regexp.Regexp
}

func (r *redacted) Error() string { return r.re.ReplaceAllString(r.err.Error(), "***") }

func (r *redacted) Unwrap() error { return r.err }
