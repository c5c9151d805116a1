// Package scenarios owns the scenario files: the embedded ones the lecture
// needs, the parser and validator for their text format, and the Library that
// serves them, with an instructor's directory able to add or override files.
package scenarios
