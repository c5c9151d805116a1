package view

import (
	"net/url"
	"strings"
)

// section is one entry of the bar's navigation: a part of the app with its
// own pages. A new section adds its entry to sections.
type section struct {
	Path string // the section's first page
	Key  string // its name in the ui catalog
}

// sections are the bar's entries, in the order they show.
var sections = []section{
	{Path: "/", Key: "nav.scenarios"},
	{Path: "/lab", Key: "nav.lab"},
	{Path: "/console", Key: "nav.console"},
	{Path: "/live", Key: "nav.live"},
	{Path: "/codes", Key: "nav.codes"},
	{Path: "/lessons", Key: "nav.lessons"},
}

// current reports whether the page at u belongs to the section.
func (s section) current(u *url.URL) bool {
	if s.Path == "/" {
		return u.Path == "/" || strings.HasPrefix(u.Path, "/play/")
	}
	return strings.HasPrefix(u.Path, s.Path)
}

// SectionPaths are the first pages of the bar's sections, in order: the
// tests that visit every page start from them.
func SectionPaths() []string {
	var out []string
	for _, s := range sections {
		out = append(out, s.Path)
	}
	return out
}
