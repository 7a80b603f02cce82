package inventory

import (
	"math"
)

// Method names the forecasting method chosen for a SKU.
type Method string

const (
	// MethodNone: the SKU never sold; there is nothing to forecast.
	MethodNone Method = "none"
	// MethodMovingAverage is the fallback for SKUs with too little history
	// for any fitted model to beat the plain mean.
	MethodMovingAverage Method = "moving_average"
	// MethodSES is simple exponential smoothing (level only).
	MethodSES Method = "ses"
	// MethodHoltDamped is exponential smoothing with a damped trend.
	MethodHoltDamped Method = "holt_damped"
	// MethodHoltWinters adds weekly seasonality to the damped trend.
	MethodHoltWinters Method = "holt_winters"
	// MethodSBA is Croston's method with the Syntetos-Boylan bias correction.
	MethodSBA Method = "croston_sba"
	// MethodTSB is Teunter-Syntetos-Babai: it tracks the probability of a
	// sale, so a SKU that stops selling fades out instead of staying high.
	MethodTSB Method = "tsb"
)

// DemandClass is the Syntetos-Boylan class of a SKU's daily demand.
type DemandClass string

const (
	ClassNone         DemandClass = "none"
	ClassNew          DemandClass = "new"
	ClassSmooth       DemandClass = "smooth"
	ClassErratic      DemandClass = "erratic"
	ClassIntermittent DemandClass = "intermittent"
	ClassLumpy        DemandClass = "lumpy"
)

// Thresholds from Syntetos, Boylan & Croston (2005): average inter-demand
// interval 1.32 days and squared coefficient of variation of sizes 0.49.
const (
	adiCutoff = 1.32
	cv2Cutoff = 0.49
	// minFitDays: below four weeks a fitted model has too little to learn
	// from, so new SKUs get the moving average.
	minFitDays = 28
	// seasonalDays: weekly seasonality needs about 8 full weeks to tell a
	// weekday pattern from noise.
	seasonalDays = 56
	season       = 7
	maxHoldout   = 28
)

// Forecast is one SKU's daily demand forecast with how it was made and how
// well the method did on the most recent, held-out days.
type Forecast struct {
	Method Method      `json:"method"`
	Class  DemandClass `json:"class"`
	// Daily is the expected demand for each day ahead, starting today.
	Daily []float64 `json:"daily"`
	// Sigma is the standard deviation of one-day forecast errors.
	Sigma float64 `json:"sigma"`
	// MAE and MASE over the holdout (the last HoldoutDays days, forecast
	// from the data before them). MASE < 1 beats a naive "same as the
	// previous day" forecast. Zero HoldoutDays means too little history.
	MAE         float64 `json:"mae"`
	MASE        float64 `json:"mase"`
	HoldoutDays int     `json:"holdoutDays"`
	HistoryDays int     `json:"historyDays"`
}

// PerDay is the average expected demand over the first n forecast days.
func (f Forecast) PerDay(n int) float64 {
	if len(f.Daily) == 0 || n <= 0 {
		return 0
	}
	n = min(n, len(f.Daily))
	s := 0.0
	for _, v := range f.Daily[:n] {
		s += v
	}
	return s / float64(n)
}

// Over sums the expected demand from day `from` for `days` days; fractional
// days count proportionally and days past the path repeat its last value.
func (f Forecast) Over(from, days float64) float64 {
	if days <= 0 || len(f.Daily) == 0 {
		return 0
	}
	at := func(i int) float64 {
		if i >= len(f.Daily) {
			return f.Daily[len(f.Daily)-1]
		}
		return f.Daily[i]
	}
	total := 0.0
	t, end := from, from+days
	for t < end-1e-9 {
		day := math.Floor(t)
		next := math.Min(day+1, end)
		total += at(int(day)) * (next - t)
		t = next
	}
	return total
}

// fitted is a model fitted to a series: its one-step residuals in sample
// and a function for the path ahead.
type fitted struct {
	method Method
	sse    float64
	n      int // residuals counted in sse
	path   func(h int) []float64
}

func (m fitted) rmse() float64 {
	if m.n == 0 {
		return 0
	}
	return math.Sqrt(m.sse / float64(m.n))
}

// Classify tells the demand class of a daily series.
func Classify(y []float64) DemandClass {
	nonzero, sum, sum2 := 0, 0.0, 0.0
	for _, v := range y {
		if v > 0 {
			nonzero++
			sum += v
			sum2 += v * v
		}
	}
	switch {
	case nonzero == 0:
		return ClassNone
	case len(y) < minFitDays:
		return ClassNew
	}
	adi := float64(len(y)) / float64(nonzero)
	mean := sum / float64(nonzero)
	cv2 := 0.0
	if nonzero > 1 && mean > 0 {
		v := (sum2 - float64(nonzero)*mean*mean) / float64(nonzero-1)
		cv2 = math.Max(v, 0) / (mean * mean)
	}
	switch {
	case adi > adiCutoff && cv2 >= cv2Cutoff:
		return ClassLumpy
	case adi > adiCutoff:
		return ClassIntermittent
	case cv2 >= cv2Cutoff:
		return ClassErratic
	default:
		return ClassSmooth
	}
}

// ForecastSeries forecasts horizon days after a daily demand series (oldest
// first, the last element being the most recent complete day). The method
// is chosen by the demand class and, among the class's candidates, by the
// squared error on the held-out last weeks; the winner is then refitted on
// the whole series.
func ForecastSeries(y []float64, horizon int) Forecast {
	horizon = max(horizon, 1)
	f := Forecast{Class: Classify(y), HistoryDays: len(y)}
	switch f.Class {
	case ClassNone:
		f.Method = MethodNone
		f.Daily = make([]float64, horizon)
		return f
	case ClassNew:
		m := fitMovingAverage(y)
		f.Method, f.Daily, f.Sigma = m.method, m.path(horizon), m.rmse()
		return f
	}
	var cands []func([]float64) fitted
	if f.Class == ClassIntermittent || f.Class == ClassLumpy {
		cands = []func([]float64) fitted{fitSBA, fitTSB}
	} else {
		cands = []func([]float64) fitted{fitSES, fitHoltDamped}
		if len(y) >= seasonalDays {
			cands = append(cands, fitHoltWinters)
		}
	}
	h := min(maxHoldout, len(y)/4)
	train, test := y[:len(y)-h], y[len(y)-h:]
	best, bestErr := -1, math.Inf(1)
	var bestPath []float64
	for i, fit := range cands {
		p := fit(train).path(h)
		se := 0.0
		for j := range test {
			d := test[j] - p[j]
			se += d * d
		}
		if se < bestErr-1e-12 {
			best, bestErr, bestPath = i, se, p
		}
	}
	// Holdout error of the chosen method, against the in-sample naive error.
	ae := 0.0
	for j := range test {
		ae += math.Abs(test[j] - bestPath[j])
	}
	f.HoldoutDays = h
	f.MAE = ae / float64(h)
	if scale := naiveMAE(train); scale > 0 {
		f.MASE = f.MAE / scale
	}
	m := cands[best](y)
	f.Method, f.Daily, f.Sigma = m.method, m.path(horizon), m.rmse()
	return f
}

// naiveMAE is the in-sample mean absolute error of "tomorrow = today",
// the scale MASE divides by.
func naiveMAE(y []float64) float64 {
	if len(y) < 2 {
		return 0
	}
	s := 0.0
	for i := 1; i < len(y); i++ {
		s += math.Abs(y[i] - y[i-1])
	}
	return s / float64(len(y)-1)
}

func mean(y []float64) float64 {
	if len(y) == 0 {
		return 0
	}
	s := 0.0
	for _, v := range y {
		s += v
	}
	return s / float64(len(y))
}

func flat(v float64) func(int) []float64 {
	return func(h int) []float64 {
		out := make([]float64, h)
		for i := range out {
			out[i] = math.Max(v, 0)
		}
		return out
	}
}

// fitMovingAverage is the mean of the last four weeks (or all there is).
func fitMovingAverage(y []float64) fitted {
	w := y[max(0, len(y)-minFitDays):]
	m := mean(w)
	sse := 0.0
	for _, v := range w {
		sse += (v - m) * (v - m)
	}
	return fitted{method: MethodMovingAverage, sse: sse, n: len(w), path: flat(m)}
}

var alphas = []float64{0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5}

// fitSES picks the smoothing constant with the least one-step squared error.
func fitSES(y []float64) fitted {
	best := fitted{sse: math.Inf(1)}
	for _, a := range alphas {
		l := mean(y[:min(len(y), season)])
		sse := 0.0
		for _, v := range y {
			e := v - l
			sse += e * e
			l += a * e
		}
		if sse < best.sse {
			best = fitted{method: MethodSES, sse: sse, n: len(y), path: flat(l)}
		}
	}
	return best
}

// fitHoltDamped is additive damped-trend smoothing (Gardner & McKenzie).
// Damping keeps a trend from running away over a 90-day horizon.
func fitHoltDamped(y []float64) fitted {
	best := fitted{sse: math.Inf(1)}
	l0 := mean(y[:min(len(y), season)])
	b0 := 0.0
	if len(y) >= 2*season {
		b0 = (mean(y[season:2*season]) - l0) / season
	}
	for _, a := range []float64{0.05, 0.1, 0.2, 0.3, 0.5} {
		for _, b := range []float64{0.01, 0.05, 0.1} {
			for _, phi := range []float64{0.8, 0.9, 0.98} {
				l, tr, sse := l0, b0, 0.0
				for _, v := range y {
					e := v - (l + phi*tr)
					sse += e * e
					nl := l + phi*tr + a*e
					tr = b*(nl-l) + (1-b)*phi*tr
					l = nl
				}
				if sse < best.sse {
					best = fitted{method: MethodHoltDamped, sse: sse, n: len(y), path: dampedPath(l, tr, phi, nil, 0)}
				}
			}
		}
	}
	return best
}

// dampedPath forecasts level + damped trend (+ a weekly profile whose first
// element is the season position of day 0).
func dampedPath(l, tr, phi float64, seas []float64, pos int) func(int) []float64 {
	return func(h int) []float64 {
		out := make([]float64, h)
		damp := 0.0
		pw := 1.0
		for i := range out {
			pw *= phi
			damp += pw
			v := l + damp*tr
			if seas != nil {
				v += seas[(pos+i)%season]
			}
			out[i] = math.Max(v, 0)
		}
		return out
	}
}

// fitHoltWinters is additive damped-trend smoothing with a weekly season.
// Additive (not multiplicative) seasonality copes with zero-sales days.
func fitHoltWinters(y []float64) fitted {
	best := fitted{sse: math.Inf(1)}
	weeks := min(len(y)/season, 4)
	base := mean(y[:weeks*season])
	s0 := make([]float64, season)
	for i := 0; i < weeks*season; i++ {
		s0[i%season] += (y[i] - base) / float64(weeks)
	}
	l0 := base
	b0 := 0.0
	if weeks >= 2 {
		b0 = (mean(y[(weeks-1)*season:weeks*season]) - mean(y[:season])) / float64((weeks-1)*season)
	}
	s := make([]float64, season)
	for _, a := range []float64{0.05, 0.1, 0.2, 0.4} {
		for _, b := range []float64{0.01, 0.05} {
			for _, g := range []float64{0.05, 0.1, 0.2} {
				for _, phi := range []float64{0.9, 0.98} {
					copy(s, s0)
					l, tr, sse := l0, b0, 0.0
					for t, v := range y {
						k := t % season
						e := v - (l + phi*tr + s[k])
						sse += e * e
						nl := l + phi*tr + a*e
						tr = b*(nl-l) + (1-b)*phi*tr
						s[k] += g * (v - nl - s[k])
						l = nl
					}
					if sse < best.sse {
						seas := append([]float64(nil), s...)
						best = fitted{method: MethodHoltWinters, sse: sse, n: len(y),
							path: dampedPath(l, tr, phi, seas, len(y)%season)}
					}
				}
			}
		}
	}
	return best
}

// fitSBA is Croston's method (separate smoothing of sale sizes and the
// intervals between sales) with the (1 - a/2) bias correction.
func fitSBA(y []float64) fitted {
	best := fitted{sse: math.Inf(1)}
	first := -1
	for i, v := range y {
		if v > 0 {
			first = i
			break
		}
	}
	if first < 0 {
		// Possible for a holdout's training part: every sale fell later.
		return fitted{method: MethodSBA, path: flat(0)}
	}
	for _, a := range []float64{0.05, 0.1, 0.2, 0.3} {
		z, p := y[first], float64(first+1)
		q := 1.0 // days since the last sale
		sse := 0.0
		for t := first + 1; t < len(y); t++ {
			f := (1 - a/2) * z / p
			e := y[t] - f
			sse += e * e
			if y[t] > 0 {
				z += a * (y[t] - z)
				p += a * (q - p)
				q = 1
			} else {
				q++
			}
		}
		if sse < best.sse {
			best = fitted{method: MethodSBA, sse: sse, n: len(y) - first - 1, path: flat((1 - a/2) * z / p)}
		}
	}
	return best
}

// fitTSB smooths the daily probability of a sale every day and the size of
// a sale on sale days.
func fitTSB(y []float64) fitted {
	best := fitted{sse: math.Inf(1)}
	nz := 0
	sz := 0.0
	for _, v := range y {
		if v > 0 {
			nz++
			sz += v
		}
	}
	p0, z0 := float64(nz)/float64(len(y)), sz/float64(max(nz, 1))
	for _, a := range []float64{0.05, 0.1, 0.2} {
		for _, b := range []float64{0.01, 0.03, 0.1} {
			p, z, sse := p0, z0, 0.0
			for _, v := range y {
				e := v - p*z
				sse += e * e
				if v > 0 {
					p += b * (1 - p)
					z += a * (v - z)
				} else {
					p -= b * p
				}
			}
			if sse < best.sse {
				best = fitted{method: MethodTSB, sse: sse, n: len(y), path: flat(p * z)}
			}
		}
	}
	return best
}
