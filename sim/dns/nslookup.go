package dns

// nslookupLines prints an answer the way BIND's nslookup does: the server
// header, then the answer records (an alias chain that ends in no data
// shows only its CNAMEs) or the reason there are none, then, for a
// resolver's (non-authoritative) answer to anything but A, where the
// authoritative data can be found. Output ends with a blank line.
func nslookupLines(q Query, a Answer, server, addr string) []string {
	lines := []string{"Server:\t\t" + server, "Address:\t" + addr + "#53", ""}
	if a.Rcode != NoError {
		return append(lines, "** server can't find "+q.Name+": "+string(a.Rcode), "")
	}
	if !a.Authoritative {
		lines = append(lines, "Non-authoritative answer:")
	}
	if len(a.Records) == 0 {
		lines = append(lines, "*** Can't find "+q.Name+": No answer")
	}
	for _, r := range a.Records {
		lines = append(lines, answerLines(r)...)
	}
	if !a.Authoritative && !address(q.Type) && len(a.Authority)+len(a.Additional) > 0 {
		lines = append(lines, "", "Authoritative answers can be found from:")
		for _, r := range a.Authority {
			lines = append(lines, r.Name+"\tnameserver = "+fqdn(r.Target))
		}
		for _, r := range a.Additional {
			if r.Type == TypeAAAA {
				lines = append(lines, r.Name+"\thas AAAA address "+r.Addr.String())
			} else {
				lines = append(lines, r.Name+"\tinternet address = "+r.Addr.String())
			}
		}
	}
	return append(lines, "")
}

// address reports whether t asks for an address, whose answers nslookup
// prints without the authority section, as the lecture's A query shows.
func address(t Type) bool { return t == TypeA || t == TypeAAAA }

// answerLines prints one record of the answer section.
func answerLines(r Record) []string {
	switch r.Type {
	case TypeA, TypeAAAA:
		return []string{"Name:\t" + r.Name, "Address: " + r.Addr.String()}
	case TypeMX:
		return []string{r.Name + "\tmail exchanger = " + r.Data()}
	case TypeNS:
		return []string{r.Name + "\tnameserver = " + fqdn(r.Target)}
	default:
		return []string{r.Name + "\tcanonical name = " + fqdn(r.Target)}
	}
}
