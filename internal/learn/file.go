package learn

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
)

// File layout (little endian):
//
//	"SRLM" u16 format version
//	u32 header length, header JSON: {"meta": Meta, "classes": [...]}
//	u32 table bits, u32 nslots used, then per used slot: u32 slot index,
//	    u64 key, u32 off, u32 n
//	u32 nweights, then per weight: u16 class, f32 weight
//	u32 CRC-32C (Castagnoli) of everything before it
//
// The slot table is stored as built, so loading copies numbers and
// hashes nothing.
const (
	magic         = "SRLM"
	formatVersion = 1
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

type header struct {
	Meta    Meta     `json:"meta"`
	Classes []string `json:"classes"`
}

// WriteTo writes the model file.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	le := binary.LittleEndian
	b.Write(le.AppendUint16(nil, formatVersion))
	hj, err := json.Marshal(header{Meta: m.Meta, Classes: m.Classes})
	if err != nil {
		return 0, fmt.Errorf("learn: encode header: %w", err)
	}
	var buf []byte
	buf = le.AppendUint32(buf, uint32(len(hj)))
	buf = append(buf, hj...)
	buf = le.AppendUint32(buf, uint32(64-m.shift))
	used := 0
	for i := range m.slots {
		if m.slots[i].key != 0 {
			used++
		}
	}
	buf = le.AppendUint32(buf, uint32(used))
	for i, s := range m.slots {
		if s.key == 0 {
			continue
		}
		buf = le.AppendUint32(buf, uint32(i))
		buf = le.AppendUint64(buf, s.key)
		buf = le.AppendUint32(buf, s.off)
		buf = le.AppendUint32(buf, s.n)
	}
	buf = le.AppendUint32(buf, uint32(len(m.w)))
	for i, x := range m.w {
		buf = le.AppendUint16(buf, m.cls[i])
		buf = le.AppendUint32(buf, math.Float32bits(x))
	}
	b.Write(buf)
	b.Write(le.AppendUint32(nil, crc32.Checksum(b.Bytes(), castagnoli)))
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// Marshal returns the model file's bytes.
func (m *Model) Marshal() []byte {
	var b bytes.Buffer
	m.WriteTo(&b) // writing to a bytes.Buffer cannot fail
	return b.Bytes()
}

// ErrChecksum is returned for a model file whose contents do not match
// its checksum.
var ErrChecksum = errors.New("checksum mismatch")

// Load reads a model file. name, when not "", must equal the model's
// Meta.Name, and features, when not 0, its Meta.Features.
func Load(data []byte, name string, features int) (*Model, error) {
	m, err := load(data)
	if err != nil {
		return nil, fmt.Errorf("learn: load model %q: %w", name, err)
	}
	if name != "" && m.Meta.Name != name {
		return nil, fmt.Errorf("learn: load model %q: file holds model %q", name, m.Meta.Name)
	}
	if features != 0 && m.Meta.Features != features {
		return nil, fmt.Errorf("learn: load model %q: feature version %d, this build reads %d (regenerate the model)", name, m.Meta.Features, features)
	}
	return m, nil
}

func load(data []byte) (*Model, error) {
	le := binary.LittleEndian
	if len(data) < 4+2+4+4 || string(data[:4]) != magic {
		return nil, errors.New("not a model file")
	}
	body, sum := data[:len(data)-4], le.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, ErrChecksum
	}
	if v := le.Uint16(data[4:]); v != formatVersion {
		return nil, fmt.Errorf("format version %d, want %d", v, formatVersion)
	}
	r := reader{b: body[6:]}
	var h header
	if err := json.Unmarshal(r.bytes(int(r.u32())), &h); err != nil && r.err == nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	m := &Model{Meta: h.Meta, Classes: h.Classes}
	bits := r.u32()
	if r.err == nil && (bits < 1 || bits > 31) {
		return nil, fmt.Errorf("table size 2^%d", bits)
	}
	m.shift = 64 - uint(bits)
	used := int(r.u32())
	// At most half the slots are used, so a probe always ends.
	if r.err != nil || 2*used > 1<<bits || used*20 > len(r.b) {
		return nil, errors.New("truncated slot table")
	}
	// The records are decoded at fixed offsets of one checked slice
	// rather than field by field through the reader: this loop and the
	// weights' run over millions of entries at start-up.
	m.slots = make([]slot, 1<<bits)
	hugePages(m.slots)
	recs := r.bytes(20 * used)
	for k := range used {
		b := recs[20*k : 20*k+20]
		i := le.Uint32(b)
		s := slot{key: le.Uint64(b[4:]), off: le.Uint32(b[12:]), n: le.Uint32(b[16:])}
		if int(i) >= len(m.slots) || s.key == 0 {
			return nil, errors.New("bad slot")
		}
		m.slots[i] = s
	}
	nw := int(r.u32())
	if r.err != nil || nw*6 != len(r.b) {
		return nil, errors.New("bad weight table")
	}
	m.cls = make([]uint16, nw)
	m.w = make([]float32, nw)
	hugePages(m.cls)
	hugePages(m.w)
	ws := r.bytes(6 * nw)
	for i := range nw {
		b := ws[6*i : 6*i+6]
		c := le.Uint16(b)
		if int(c) >= len(m.Classes) {
			return nil, fmt.Errorf("weight %d: class %d of %d", i, c, len(m.Classes))
		}
		m.cls[i] = c
		m.w[i] = math.Float32frombits(le.Uint32(b[2:]))
	}
	// Every slot record must point inside the weights: checked on the
	// records, read again in order, rather than on the sparse table.
	for k := range used {
		b := recs[20*k : 20*k+20]
		if off, n := le.Uint32(b[12:]), le.Uint32(b[16:]); uint64(off)+uint64(n) > uint64(nw) || n == 0 {
			return nil, errors.New("slot points outside the weights")
		}
	}
	return m, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.err = errors.New("truncated")
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); r.err == nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}
