// Package lessons is the theory between the demonstrations: Markdown files
// in lessons/ro and lessons/en (the format is in docs/lessons.md), checked at
// start-up against the scenarios they point to and rendered with goldmark.
// Fenced blocks whose info string starts with "mailsim" are widgets: the
// package parses and checks them, and the web section draws them with the
// same components as their own pages, through Render's draw function.
package lessons
