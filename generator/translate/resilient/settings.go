package resilient

import (
	"fmt"
	"strconv"
	"time"
)

// FromSettings overlays an engine's [translate.<name>] table from jisr.toml
// on base. Keys: concurrency, rate (requests per second), burst, retries,
// timeout, backoff (the base delay), max_delay, max_body (bytes),
// breaker_failures, breaker_cooldown. Durations are strings such as "30s"
// or numbers of seconds.
func FromSettings(base Policy, s map[string]any) (Policy, error) {
	p := base
	ints := map[string]*int{"concurrency": &p.Concurrency, "burst": &p.Burst, "retries": &p.Retries, "breaker_failures": &p.BreakerFailures}
	for k, dst := range ints {
		if v, ok := s[k]; ok {
			f, err := number(v)
			if err != nil {
				return p, fmt.Errorf("[translate] %s: %w", k, err)
			}
			*dst = int(f)
			if k == "retries" && f == 0 {
				*dst = -1 // explicitly none; 0 in a Policy means the default
			}
		}
	}
	durs := map[string]*time.Duration{"timeout": &p.Timeout, "backoff": &p.BaseDelay, "max_delay": &p.MaxDelay, "breaker_cooldown": &p.BreakerCooldown}
	for k, dst := range durs {
		if v, ok := s[k]; ok {
			d, err := Duration(v)
			if err != nil {
				return p, fmt.Errorf("[translate] %s: %w", k, err)
			}
			*dst = d
		}
	}
	if v, ok := s["rate"]; ok {
		f, err := number(v)
		if err != nil {
			return p, fmt.Errorf("[translate] rate: %w", err)
		}
		p.Rate = f
	}
	if v, ok := s["max_body"]; ok {
		f, err := number(v)
		if err != nil {
			return p, fmt.Errorf("[translate] max_body: %w", err)
		}
		p.MaxBody = int64(f)
	}
	return p, nil
}

// Duration reads a duration setting: a string such as "1.5s" or a number
// of seconds.
func Duration(v any) (time.Duration, error) {
	if s, ok := v.(string); ok {
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, err
		}
		return d, nil
	}
	f, err := number(v)
	if err != nil {
		return 0, err
	}
	return time.Duration(f * float64(time.Second)), nil
}

// Int reads an integer setting, or def when it is absent.
func Int(s map[string]any, key string, def int) (int, error) {
	v, ok := s[key]
	if !ok {
		return def, nil
	}
	f, err := number(v)
	if err != nil {
		return def, fmt.Errorf("[translate] %s: %w", key, err)
	}
	return int(f), nil
}

// String reads a string setting, or def when it is absent or empty.
func String(s map[string]any, key, def string) string {
	if v, ok := s[key].(string); ok && v != "" {
		return v
	}
	return def
}

func number(v any) (float64, error) {
	switch n := v.(type) {
	case int:
		return float64(n), nil
	case int64:
		return float64(n), nil
	case float64:
		return n, nil
	case string:
		return strconv.ParseFloat(n, 64)
	}
	return 0, fmt.Errorf("want a number, got %v (%T)", v, v)
}
