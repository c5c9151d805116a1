package live

import (
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	mailstore "mailsim/sim/store"
)

// With Config.Data the lab keeps its mail in a bbolt file: pure Go (no cgo,
// unlike most SQLite drivers; modernc.org/sqlite avoids cgo by carrying a
// machine-translated SQLite many times the size of this whole program), one
// file, and each transaction is committed with fsync before Update
// returns, which is exactly the promise SMTP makes with its 250 (RFC 5321
// §4.1.1.4: the server is now responsible for the message). The lab needs
// no queries, only "write this, durably, in order" and "read it all back",
// so a key-value store is enough.
//
// What the file holds is a journal of every change to the mail store
// (mailsim/sim/store), in the order the store saw them: one record per
// call of its mutating methods, deliveries, APPENDs, COPYs, flag changes,
// expunges, POP3 removals and folder operations. Loading replays it
// through the same calls (apply), and since that store numbers UIDs and
// UIDVALIDITY from counters, not clocks, the same history gives the same
// folders, UIDs and flags, so IMAP clients and POP3 UIDLs stay valid
// across a restart. Changes are written by one goroutine that commits all
// the changes waiting at once (group commit), so concurrent sessions share
// one fsync; each change waits for its own commit before its reply goes
// out.

// The file's buckets and the keys of its header.
var (
	headerBucket  = []byte("mailsim")
	journalBucket = []byte("journal")
	formatKey     = []byte("format")
	runKey        = []byte("run")
)

// dataFormat is the journal's record format; a file of another format is
// refused rather than misread.
const dataFormat = "1"

// errJournal marks a change refused because the journal could not be
// written: the disk is full or failing, and the lab refuses every change
// from then on, since memory would otherwise hold what the file lacks.
var errJournal = errors.New("live: the data file cannot be written")

// opKind is what a journal record changes.
type opKind byte

const (
	opDeliver   opKind = iota + 1 // SMTP delivery into an INBOX, with queue ID, sender and subject
	opAppend                      // IMAP APPEND
	opCopy                        // IMAP COPY (MOVE is COPY, STORE \Deleted and EXPUNGE)
	opFlags                       // a message's new flags
	opExpunge                     // removal of \Deleted messages
	opCreate                      // a new folder
	opDelete                      // a folder deleted
	opRename                      // a folder renamed (to)
	opSubscribe                   // a folder subscribed or unsubscribed (on)
	opRemove                      // POP3's UPDATE: INBOX messages removed whatever their flags
	opLast      = opRemove
)

// op is one change to the mail store, as the journal records it: the
// arguments of one call of the mail store's mutating methods.
type op struct {
	kind              opKind
	user, box, to     string   // to: the destination of a COPY or RENAME
	uids              []uint32 // COPY's, EXPUNGE's and a removal's UIDs; one for a flag change
	all               bool     // EXPUNGE of every \Deleted message (uids unused)
	flags             []string // a flag change's or an APPEND's flags
	on                bool     // subscribe or unsubscribe
	date              time.Time
	data              []byte
	id, from, subject string // a delivery's queue ID, envelope sender and subject

	out []uint32 // not recorded: what the change made, a delivery's, APPEND's and COPY's new UIDs, EXPUNGE's and a removal's removed ones
}

// encode writes o as the kind, then every field in a fixed order: strings
// and data with a length in front, numbers as varints.
func (o *op) encode() []byte {
	b := make([]byte, 0, 64+len(o.data))
	b = append(b, byte(o.kind))
	for _, s := range []string{o.user, o.box, o.to, o.id, o.from, o.subject} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(o.uids)))
	for _, u := range o.uids {
		b = binary.AppendUvarint(b, uint64(u))
	}
	b = binary.AppendUvarint(b, uint64(len(o.flags)))
	for _, f := range o.flags {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	b = append(b, boolByte(o.all), boolByte(o.on))
	_, offset := o.date.Zone() // kept, so that INTERNALDATE reads as it did
	b = binary.AppendVarint(b, o.date.UnixNano())
	b = binary.AppendVarint(b, int64(offset))
	b = binary.AppendUvarint(b, uint64(len(o.data)))
	return append(b, o.data...)
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// decodeOp reads a record encode wrote; a damaged one is an error, never a
// panic, since the file may have been written by anyone.
func decodeOp(b []byte) (op, error) {
	var o op
	bad := func(what string) (op, error) { return op{}, fmt.Errorf("damaged record: %s", what) }
	if len(b) == 0 || b[0] == 0 || opKind(b[0]) > opLast {
		return bad("unknown kind")
	}
	o.kind, b = opKind(b[0]), b[1:]
	num := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	bytes := func() ([]byte, bool) {
		n, ok := num()
		if !ok || n > uint64(len(b)) {
			return nil, false
		}
		v := b[:n:n]
		b = b[n:]
		return v, true
	}
	for _, s := range []*string{&o.user, &o.box, &o.to, &o.id, &o.from, &o.subject} {
		v, ok := bytes()
		if !ok {
			return bad("truncated string")
		}
		*s = string(v)
	}
	n, ok := num()
	if !ok || n > uint64(len(b)) { // each UID takes at least one octet
		return bad("UID count")
	}
	for range n {
		u, ok := num()
		if !ok || u > 1<<32-1 {
			return bad("UID")
		}
		o.uids = append(o.uids, uint32(u))
	}
	if n, ok = num(); !ok || n > uint64(len(b)) {
		return bad("flag count")
	}
	for range n {
		v, ok := bytes()
		if !ok {
			return bad("flag")
		}
		o.flags = append(o.flags, string(v))
	}
	if len(b) < 2 || b[0] > 1 || b[1] > 1 {
		return bad("booleans")
	}
	o.all, o.on, b = b[0] == 1, b[1] == 1, b[2:]
	date, m := binary.Varint(b)
	if m <= 0 {
		return bad("date")
	}
	b = b[m:]
	offset, m := binary.Varint(b)
	if m <= 0 || offset < -24*60*60 || offset > 24*60*60 {
		return bad("time zone")
	}
	o.date, b = time.Unix(0, date).In(time.FixedZone("", int(offset))), b[m:]
	data, ok := bytes()
	if !ok || len(b) != 0 {
		return bad("data")
	}
	o.data = data
	return o, nil
}

// disk is the journal of a lab started with Config.Data.
type disk struct {
	db   *bolt.DB
	path string
	log  *slog.Logger

	mu      sync.Mutex // orders changes: the memory store's order is the journal's
	work    *sync.Cond // the writer waits on it for changes
	flushed *sync.Cond // changes wait on it for their commit
	queue   []record   // recorded, not yet written
	seq     uint64     // the last change recorded
	synced  uint64     // the last change committed
	err     error      // the write error that stopped the journal
	closing bool
	stopped chan struct{}
}

// record is one journal entry on its way to the file.
type record struct {
	seq  uint64
	data []byte
}

// openDisk opens or creates the data file, with clear errors for the two
// mistakes a teacher makes: naming a file that is something else, and
// starting a second mailsim on the same file.
func openDisk(path string, log *slog.Logger) (*disk, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("live: data file %s is in use by another program (is another mailsim running with it?)", path)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrChecksum):
		return nil, fmt.Errorf("live: %s is not a mailsim data file (%v); name a new file or one an earlier -data wrote", path, err)
	case err != nil:
		return nil, fmt.Errorf("live: data file %s: %w", path, err)
	}
	d := &disk{db: db, path: path, log: log, stopped: make(chan struct{})}
	d.work, d.flushed = sync.NewCond(&d.mu), sync.NewCond(&d.mu)
	return d, nil
}

// header reads the run the file's queue IDs started with, creating the
// header for a new file; a bbolt file that holds other data is refused.
func (d *disk) header(run string) (string, error) {
	err := d.db.Update(func(tx *bolt.Tx) error {
		h := tx.Bucket(headerBucket)
		if h == nil {
			if k, _ := tx.Cursor().First(); k != nil {
				return fmt.Errorf("live: %s is a bbolt file of another program, not a mailsim data file", d.path)
			}
			var err error
			if h, err = tx.CreateBucket(headerBucket); err != nil {
				return err
			}
			if _, err = tx.CreateBucket(journalBucket); err != nil {
				return err
			}
			if err = h.Put(formatKey, []byte(dataFormat)); err != nil {
				return err
			}
			return h.Put(runKey, []byte(run))
		}
		if f := string(h.Get(formatKey)); f != dataFormat || tx.Bucket(journalBucket) == nil {
			return fmt.Errorf("live: %s has data format %q; this mailsim reads format %s", d.path, f, dataFormat)
		}
		run = string(h.Get(runKey))
		return nil
	})
	return run, err
}

// each calls fn with every journal record, oldest first.
func (d *disk) each(fn func(op) error) error {
	return d.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(journalBucket).ForEach(func(k, v []byte) error {
			o, err := decodeOp(v)
			if err != nil {
				return fmt.Errorf("live: data file %s, record %d: %w", d.path, binary.BigEndian.Uint64(k), err)
			}
			return fn(o)
		})
	})
}

// write commits what was recorded, all waiting changes in one
// transaction, until close; started by load.
func (d *disk) write() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for {
		for len(d.queue) == 0 && !d.closing {
			d.work.Wait()
		}
		if len(d.queue) == 0 {
			close(d.stopped)
			return
		}
		batch := d.queue
		d.queue = nil
		d.mu.Unlock()
		err := d.db.Update(func(tx *bolt.Tx) error {
			j := tx.Bucket(journalBucket)
			for _, r := range batch {
				if err := j.Put(binary.BigEndian.AppendUint64(nil, r.seq), r.data); err != nil {
					return err
				}
			}
			return nil
		})
		d.mu.Lock()
		if err != nil {
			if d.err == nil {
				d.log.Error("lab data file cannot be written; the lab refuses every change until restarted", "file", d.path, "err", err)
			}
			d.err = fmt.Errorf("%w: %v", errJournal, err)
		} else {
			d.synced = batch[len(batch)-1].seq
		}
		d.flushed.Broadcast()
	}
}

// change applies o to the memory store with apply and, when that works,
// records it, under one lock, so that the journal's order is the memory
// store's. It returns the change's ticket for sync. Without a data file it
// only applies.
func (d *disk) change(o *op, apply func() error) (uint64, error) {
	if d == nil {
		return 0, apply()
	}
	data := o.encode()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return 0, d.err
	}
	if d.closing { // the writer may be gone: nothing recorded now would be written
		return 0, fmt.Errorf("%w: the lab is stopping", errJournal)
	}
	if err := apply(); err != nil {
		return 0, err
	}
	d.seq++
	d.queue = append(d.queue, record{seq: d.seq, data: data})
	d.work.Signal()
	return d.seq, nil
}

// sync waits until the change with the ticket is on disk.
func (d *disk) sync(ticket uint64) error {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for d.synced < ticket && d.err == nil {
		d.flushed.Wait()
	}
	if d.synced >= ticket {
		return nil
	}
	return d.err
}

// close writes what is still waiting and closes the file.
func (d *disk) close() error {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	d.closing = true
	d.work.Signal()
	d.mu.Unlock()
	<-d.stopped
	return d.db.Close()
}

// load fills the store from the data file and continues its queue IDs;
// from then on every change goes to the file. s.mail is empty.
func (s *store) load(d *disk) error {
	run, err := d.header(s.idBase)
	if err != nil {
		return err
	}
	if run != s.idBase {
		// The file's run names the POP3 unique IDs the mail store makes
		// up, as it did when the messages arrived, so a store of that run
		// takes the empty one's place.
		mail := mailstore.New(run)
		for addr := range s.users {
			pw, _ := s.mail.Secret(addr)
			mail.AddUser(addr, pw)
		}
		s.mail, s.idBase = mail, run
	}
	// A change that fails now failed the same way when it was recorded,
	// or names a user since removed from the accounts: both are skipped.
	if err := d.each(func(o op) error { _ = s.apply(&o); return nil }); err != nil {
		return err
	}
	s.disk = d
	go d.write()
	return nil
}

// openData loads the lab's mail from the data file at path and keeps it
// there from now on.
func (l *Lab) openData(path string, log *slog.Logger) error {
	d, err := openDisk(path, log)
	if err != nil {
		return err
	}
	if err := l.store.load(d); err != nil {
		d.db.Close()
		return err
	}
	return nil
}

// apply makes one change in the mail store: the one place a change
// reaches it, for live changes and the replay at load alike, so that they
// cannot differ. A delivery also moves the queue IDs on past its own,
// under s.mu, which deliver holds, or at load, when nothing else runs.
func (s *store) apply(o *op) error {
	switch o.kind {
	case opDeliver:
		info := mailstore.Info{ID: o.id, Msg: o.id, Queue: o.id, From: o.from, Subject: o.subject}
		uid, err := s.mail.Deliver(o.user, o.box, o.data, o.date, info)
		if err != nil {
			return err
		}
		o.out = []uint32{uid}
		if n, err := strconv.ParseUint(strings.TrimPrefix(o.id, s.idBase), 16, 0); err == nil && int(n) > s.queued {
			s.queued = int(n)
		}
		return nil
	case opAppend:
		uid, err := s.mail.Append(o.user, o.box, mailstore.Message{Flags: o.flags, Date: o.date, Data: o.data})
		o.out = []uint32{uid}
		return err
	case opCopy:
		var err error
		o.out, err = s.mail.Copy(o.user, o.box, o.uids, o.to)
		return err
	case opFlags:
		if len(o.uids) != 1 {
			return errors.New("live: a flag change names one message")
		}
		return s.mail.SetFlags(o.user, o.box, o.uids[0], o.flags)
	case opExpunge:
		uids := o.uids
		if o.all {
			uids = nil
		}
		var err error
		o.out, err = s.mail.Expunge(o.user, o.box, uids)
		return err
	case opRemove:
		for _, m := range s.mail.Remove(o.user, o.box, o.uids) {
			o.out = append(o.out, m.UID)
		}
		return nil
	case opCreate:
		return s.mail.Create(o.user, o.box)
	case opDelete:
		return s.mail.Delete(o.user, o.box)
	case opRename:
		return s.mail.Rename(o.user, o.box, o.to)
	case opSubscribe:
		return s.mail.Subscribe(o.user, o.box, o.on)
	}
	return fmt.Errorf("live: unknown change %d", o.kind)
}

// undeliver takes back the copies of a delivery that the data file did
// not take, so that a message refused with 452 is not read all the same;
// the journal is stopped, so this is not recorded.
func (s *store) undeliver(ops []op) {
	for _, o := range ops {
		if len(o.out) > 0 {
			s.mail.Remove(o.user, o.box, o.out)
		}
	}
}

// commit applies o and, with a data file, waits until it is on disk: the
// one way every change reaches the store, but for record.
func (s *store) commit(o *op) error {
	t, err := s.record(o)
	if err != nil {
		return err
	}
	return s.disk.sync(t)
}

// record applies o and journals it without waiting for the disk: for a
// change that a later commit (or disk.sync) follows before anyone is
// told, since the file always holds a prefix of the journal.
func (s *store) record(o *op) (ticket uint64, err error) {
	return s.disk.change(o, func() error { return s.apply(o) })
}
