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

// lectureFile is the zone of the lecture's Mail Exchanger slide.
const lectureFile = "zones/example.com.zone"

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

// Lecture parses the lecture's example.com zone: A records for example.com,
// www1 and server1, and MX 0 example.com. and MX 30 server1.example.com.
func Lecture() (*Zone, error) {
	return parseShipped(lectureFile)
}

func parseShipped(name string) (*Zone, error) {
	f, err := zoneFiles.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseZone(name, f)
}
