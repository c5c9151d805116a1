package classroom

import (
	"testing"

	"mailsim/web/browsertest"
)

// TestMain runs the package's tests with one browser for all of them,
// stopped when they end.
func TestMain(m *testing.M) { browsertest.Main(m) }
