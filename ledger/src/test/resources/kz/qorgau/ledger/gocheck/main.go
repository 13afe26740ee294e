// Cross-check run by GoToolsAgreeWithTheLedgerTest: verifies a checkpoint, a witness cosignature, an
// inclusion proof and a consistency proof written by the Java ledger with Go's own
// golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog, then builds the same tree with tlog and
// signs a checkpoint with a key from note.GenerateKey for the Java side to check.
package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

var dir string

func read(name string) string {
	b, err := os.ReadFile(dir + "/" + name)
	if err != nil {
		fail("%v", err)
	}
	return string(b)
}

func fail(format string, args ...interface{}) {
	fmt.Printf("FAIL "+format+"\n", args...)
	os.Exit(1)
}

func hashes(text string) []tlog.Hash {
	var out []tlog.Hash
	for _, line := range strings.Fields(text) {
		b, err := base64.StdEncoding.DecodeString(line)
		if err != nil || len(b) != 32 {
			fail("bad hash %q", line)
		}
		var h tlog.Hash
		copy(h[:], b)
		out = append(out, h)
	}
	return out
}

func checkpoint(msg string, verifiers ...note.Verifier) (int64, tlog.Hash, *note.Note) {
	n, err := note.Open([]byte(msg), note.VerifierList(verifiers...))
	if err != nil {
		fail("note.Open: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		fail("size: %v", err)
	}
	return size, hashes(lines[2])[0], n
}

// cosignatureV1 verifies c2sp.org/tlog-cosignature v1 signatures (type 0x04), written from the spec.
type cosignatureV1 struct {
	name string
	hash uint32
	key  ed25519.PublicKey
}

func newCosignatureV1(vkey string) *cosignatureV1 {
	parts := strings.SplitN(vkey, "+", 3)
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 33 || raw[0] != 0x04 {
		fail("not a cosignature/v1 key: %q", vkey)
	}
	h := sha256.Sum256(append([]byte(parts[0]+"\n"), raw...))
	id := binary.BigEndian.Uint32(h[:4])
	if fmt.Sprintf("%08x", id) != parts[1] {
		fail("cosignature key ID %s, want %08x", parts[1], id)
	}
	return &cosignatureV1{name: parts[0], hash: id, key: ed25519.PublicKey(raw[1:])}
}

func (c *cosignatureV1) Name() string    { return c.name }
func (c *cosignatureV1) KeyHash() uint32 { return c.hash }
func (c *cosignatureV1) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig[:8])
	signed := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", t)), msg...)
	return ed25519.Verify(c.key, signed, sig[8:])
}

type memHashes map[int64]tlog.Hash

func (m memHashes) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		out[i] = m[x]
	}
	return out, nil
}

func main() {
	dir = os.Args[1]
	logKey, err := note.NewVerifier(strings.TrimSpace(read("vkey")))
	if err != nil {
		fail("note.NewVerifier: %v", err)
	}
	witness := newCosignatureV1(strings.TrimSpace(read("witness-vkey")))

	size, root, n := checkpoint(read("checkpoint"), logKey, witness)
	if len(n.Sigs) != 2 {
		fail("verified %d signatures, want the log's and the witness's", len(n.Sigs))
	}
	fmt.Printf("OK checkpoint size %d signed by %s and cosigned by %s\n", size, n.Sigs[0].Name, n.Sigs[1].Name)

	var entries [][]byte
	for _, line := range strings.Fields(read("entries.hex")) {
		entry, err := hex.DecodeString(line)
		if err != nil {
			fail("entry hex: %v", err)
		}
		entries = append(entries, entry)
	}
	index, _ := strconv.ParseInt(strings.TrimSpace(read("inclusion-index")), 10, 64)
	if err := tlog.CheckRecord(hashes(read("inclusion")), size, root, index, tlog.RecordHash(entries[index])); err != nil {
		fail("tlog.CheckRecord: %v", err)
	}
	fmt.Printf("OK inclusion of entry %d\n", index)

	oldSize, oldRoot, _ := checkpoint(read("old-checkpoint"), logKey)
	if err := tlog.CheckTree(hashes(read("consistency")), size, root, oldSize, oldRoot); err != nil {
		fail("tlog.CheckTree: %v", err)
	}
	fmt.Printf("OK consistency %d -> %d\n", oldSize, size)

	changed := append([]byte(nil), entries[index]...)
	changed[len(changed)-1] ^= 1
	if tlog.CheckRecord(hashes(read("inclusion")), size, root, index, tlog.RecordHash(changed)) == nil {
		fail("a changed entry verified")
	}
	fmt.Println("OK changed entry rejected")

	stored := memHashes{}
	for i, entry := range entries {
		hs, err := tlog.StoredHashes(int64(i), entry, stored)
		if err != nil {
			fail("tlog.StoredHashes: %v", err)
		}
		for j, h := range hs {
			stored[tlog.StoredHashIndex(0, int64(i))+int64(j)] = h
		}
	}
	goRoot, err := tlog.TreeHash(int64(len(entries)), stored)
	if err != nil {
		fail("tlog.TreeHash: %v", err)
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, "go.example/signer")
	if err != nil {
		fail("note.GenerateKey: %v", err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		fail("note.NewSigner: %v", err)
	}
	origin := strings.Split(n.Text, "\n")[0]
	msg, err := note.Sign(&note.Note{Text: fmt.Sprintf("%s\n%d\n%s\n", origin, len(entries), goRoot)}, signer)
	if err != nil {
		fail("note.Sign: %v", err)
	}
	os.WriteFile(dir+"/go-vkey", []byte(vkey), 0o644)
	os.WriteFile(dir+"/go-checkpoint", msg, 0o644)
	fmt.Println("OK wrote a Go-signed checkpoint of tlog's tree")
}
