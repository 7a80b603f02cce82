package sheet

import "testing"

func TestDelimiterAndEncodingSniff(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want rune
	}{
		{"a,b,c\n1,2,3\n", ','}, {"a;b;c\n1,5;2;3\n", ';'}, {"a\tb\tc\n1\t2\t3\n", '\t'}, {"a|b|c\n1|2|3\n", '|'},
		{"\"x,y\";b;c\n1;2;3\n", ';'},
	} {
		if got := sniffDelimiter([]byte(tc.in)); got != tc.want {
			t.Errorf("sniffDelimiter(%q) = %q", tc.in, got)
		}
	}
	for in, want := range map[string]Encoding{"\xEF\xBB\xBFa": EncUTF8BOM, "\xFF\xFEa\x00": EncUTF16LE, "\xFE\xFF\x00a": EncUTF16BE,
		"caf\xC3\xA9": EncUTF8, "caf\xE9,x": EncWindows1252, "caf\xC3": EncUTF8} {
		if got := detectEncoding([]byte(in)); got != want {
			t.Errorf("detectEncoding(%q) = %s, want %s", in, got, want)
		}
	}
}
