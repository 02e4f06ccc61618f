package resilient

import (
	"fmt"
	"io"
	"net/http"
)

// Transport wraps base (nil: the client's own transport) for engines whose SDK
// sends the requests (openai, google-cloud): a non-2xx status becomes a
// classified *Error with its Retry-After (SDKs lose the status when the
// error body is not in their format), a 2xx HTML page becomes an ErrHTML
// failure, a body larger than MaxBody fails with ErrTooLarge while
// it is read, and each request may be edited first by edit (to add a key,
// say; nil for none). The SDK's errors then carry a classifiable *Error.
func (c *Client) Transport(base http.RoundTripper, edit func(*http.Request)) http.RoundTripper {
	if base == nil {
		base = c.HTTP.Transport
	}
	return &transport{c: c, base: base, edit: edit}
}

type transport struct {
	c    *Client
	base http.RoundTripper
	edit func(*http.Request)
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.edit != nil {
		req = req.Clone(req.Context())
		t.edit(req)
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return nil, StatusError(t.c.name, resp, body)
	}
	if LooksHTML(resp.Header.Get("Content-Type"), nil) {
		resp.Body.Close()
		return nil, &Error{Engine: t.c.name, Status: resp.StatusCode, Kind: Retryable, Err: ErrHTML}
	}
	resp.Body = &limitedBody{rc: resp.Body, left: t.c.pol.MaxBody, c: t.c}
	return resp, nil
}

// limitedBody fails a read past the size limit instead of truncating.
type limitedBody struct {
	rc   io.ReadCloser
	left int64
	c    *Client
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, &Error{Engine: b.c.name, Kind: Failed, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, b.c.pol.MaxBody)}
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		return n, &Error{Engine: b.c.name, Kind: Failed, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, b.c.pol.MaxBody)}
	}
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }
