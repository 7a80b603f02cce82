// Command benchxlsx supports scripts/bench/import.sh: it turns the first N
// records of a CSV into an xlsx with excelize's stream writer ("make"), and
// times a bare excelize streaming read of a sheet ("read"), the reference
// the importer's xlsx path is measured against.
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: benchxlsx make IN.csv OUT.xlsx ROWS | benchxlsx read FILE.xlsx")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "make":
		if len(os.Args) != 5 {
			err = fmt.Errorf("make needs IN.csv OUT.xlsx ROWS")
			break
		}
		n, _ := strconv.Atoi(os.Args[4])
		err = makeXLSX(os.Args[2], os.Args[3], n)
	case "read":
		err = read(os.Args[2])
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchxlsx:", err)
		os.Exit(1)
	}
}

func makeXLSX(in, out string, rows int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.FieldsPerRecord = -1
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	for i := 0; i <= rows; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		row := make([]any, len(rec))
		for j, c := range rec {
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return x.SaveAs(out)
}

// read walks every row and cell the way the importer does (raw values), and
// prints the row count and seconds.
func read(path string) error {
	start := time.Now()
	f, err := excelize.OpenFile(path, excelize.Options{UnzipXMLSizeLimit: 4 << 20})
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := f.Rows(f.GetSheetName(0))
	if err != nil {
		return err
	}
	n, cells := 0, 0
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		n++
		cells += len(cols)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	fmt.Printf("%d %d %.2f\n", n, cells, time.Since(start).Seconds())
	return nil
}
