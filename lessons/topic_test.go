package lessons

import (
	"os"
	"slices"
	"testing"
)

func TestTopicIsTheFirstLessonWithIt(t *testing.T) {
	set, errs := LoadFS(library(t), os.DirFS("testdata/full"), "testdata/full")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for topic, want := range map[string]string{"architecture": "tour", "mime": "tour", "encodings": "rest", "rfcs": "rest"} {
		ls, ok := set.Topic(topic)
		if !ok || ls.Slug != want {
			t.Errorf("Topic(%q) = %v, %v; want lesson %s", topic, ls, ok, want)
		}
	}
	if ls, ok := set.Topic("no-such-topic"); ok {
		t.Errorf("Topic of an unknown topic is lesson %s", ls.Slug)
	}

	// The built-in lessons: the MIME lab's link goes to a lesson on the
	// encodings in both languages.
	set, _ = Load(library(t), "")
	ls, ok := set.Topic("encodings")
	if !ok {
		t.Fatal("the built-in lessons have no lesson on the encodings")
	}
	for _, l := range Langs {
		if !slices.Contains(ls.In(l).Topics, "encodings") {
			t.Errorf("%s: lesson %s does not list the encodings among its topics %v", l, ls.Slug, ls.In(l).Topics)
		}
	}
}
