package archive

import (
	"bytes"
	"compress/flate"
	"errors"
	"io"
)

// maxUnitsBytes bounds the decompressed units of one document, so that a
// damaged or hostile file cannot make a reader allocate without limit.
const maxUnitsBytes = 1 << 30

// codec compresses and decompresses documents' units with DEFLATE at its
// fastest level. Its writer and reader are reused; it is not safe for
// concurrent use (an Archive pools them).
type codec struct {
	w   *flate.Writer
	r   io.ReadCloser
	in  bytes.Reader
	out bytes.Buffer
	buf []byte
}

// compress returns b compressed, in storage reused by the next call.
func (z *codec) compress(b []byte) ([]byte, bool) {
	z.out.Reset()
	if z.w == nil {
		w, err := flate.NewWriter(&z.out, flate.BestSpeed)
		if err != nil {
			return nil, false
		}
		z.w = w
	} else {
		z.w.Reset(&z.out)
	}
	if _, err := z.w.Write(b); err != nil {
		return nil, false
	}
	if err := z.w.Close(); err != nil {
		return nil, false
	}
	return z.out.Bytes(), true
}

var errTooLarge = errors.New("decompressed units too large")

// decompress returns b decompressed, in storage reused by the next call.
func (z *codec) decompress(b []byte) ([]byte, error) {
	z.in.Reset(b)
	if z.r == nil {
		z.r = flate.NewReader(&z.in)
	} else if err := z.r.(flate.Resetter).Reset(&z.in, nil); err != nil {
		return nil, err
	}
	z.buf = z.buf[:0]
	for {
		if len(z.buf) == cap(z.buf) {
			if len(z.buf) >= maxUnitsBytes {
				return nil, errTooLarge
			}
			z.buf = append(z.buf, 0)[:len(z.buf)]
		}
		n, err := z.r.Read(z.buf[len(z.buf):cap(z.buf)])
		z.buf = z.buf[:len(z.buf)+n]
		if err == io.EOF {
			return z.buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
