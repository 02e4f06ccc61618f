// Package templates embeds jisr's Hugo layouts (layouts/) and interface
// strings (i18n/). A project's own templates/ folder overrides these files
// one by one, as a Hugo site overrides a theme.
package templates

import "embed"

// FS holds layouts/ and i18n/.
//
//go:embed all:layouts i18n
var FS embed.FS
