// Package static embeds the CSS, fonts and scripts that every jisr site
// publishes. A project's own static/ folder overrides these files one by one.
package static

import "embed"

// FS holds the files, at the paths they are published under.
//
//go:embed css fonts js
var FS embed.FS
