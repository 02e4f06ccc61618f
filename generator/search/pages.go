package search

import "path"

// PagePath returns where the site publishes a page, relative to the site
// root: Arabic at the root, English under en/; "<section>/<id>/" normally,
// "<section>/<id>.html" in offline mode (Hugo's uglyURLs).
func PagePath(lang, section, id string, offline bool) string {
	p := path.Join(section, id)
	if lang != "ar" {
		p = path.Join(lang, p)
	}
	if offline {
		return p + ".html"
	}
	return p + "/"
}
