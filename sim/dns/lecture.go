package dns

import (
	"embed"
	"io/fs"
)

// zoneFiles are the zones shipped with mailsim, one master file per zone.
// They are data, not code, so that an instructor can read and copy them.
//
//go:embed zones/*.zone
var zoneFiles embed.FS

// Zones parses every shipped zone, in file-name order: the lecture's
// example.com, the live lab's mailsim.test, and yahoo.com as the lecture's
// nslookup demonstration found it. Errors name the file and line, like
// those of any other zone file.
func Zones() ([]*Zone, error) {
	names, err := fs.Glob(zoneFiles, "zones/*.zone")
	if err != nil {
		return nil, err
	}
	zones := make([]*Zone, 0, len(names))
	for _, name := range names {
		z, err := parseShipped(name)
		if err != nil {
			return nil, err
		}
		zones = append(zones, z)
	}
	return zones, nil
}

func parseShipped(name string) (*Zone, error) {
	f, err := zoneFiles.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseZone(name, f)
}
