package timex

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// TestTenseAnchoring checks that dates without a year or week resolve in
// the direction of their clause's tense.
func TestTenseAnchoring(t *testing.T) {
	tests := []struct {
		in, pub, text, val string
	}{
		// Month names.
		{"The offensive began in mid-March.", "2020-01-03", "mid-March", "2019-03"},
		{"The offensive will begin in mid-March.", "2020-01-03", "mid-March", "2020-03"},
		{"Talks collapsed in December after a walkout.", "2020-11-20", "December", "2019-12"},
		{"The new council will sit in December.", "2020-11-20", "December", "2020-12"},
		{"The new council will sit in September.", "2020-11-20", "September", "2021-09"},
		{"In January, the rebels took the airport.", "2020-10-27", "January", "2020-01"},
		{"In January, the rebels will hold a congress.", "2020-10-27", "January", "2021-01"},
		{"The fund has lost money since February.", "2020-01-03", "February", "2019-02"},
		{"Engineers are to finish the bridge by February.", "2020-10-27", "February", "2021-02"},
		{"The mill changed its fiscal year in December.", "2020-10-27", "December", "2019-12"},
		{"Voters agreed to hold a second ballot in December.", "2020-10-27", "December", "2020-12"},
		{"Final rules to be published in early November will decide it.", "2020-10-27", "early November", "2020-11"},
		{"The drought lasted until March.", "2020-06-10", "March", "2020-03"},
		{"Students called for a boycott of the May 29 elections.", "2020-04-03", "May 29", "2020-05-29"},
		{"Tenants refused to renew leases which expire on May 14.", "2020-04-03", "May 14", "2020-05-14"},
		{"He was looking forward to the visit in May.", "2020-04-07", "May", "2020-05"},
		{"The talks have been pencilled in for May 23.", "2020-04-07", "May 23", "2020-05-23"},
		{"A fall in prices in the month of March may mask inflation.", "2020-04-14", "March", "2020-03"},
		{"Iran in February stopped the inspections.", "2020-12-23", "February", "2020-02"},
		{"Crude for delivery in January, the main contract, rose 47 cents.", "2020-12-12", "January", "2021-01"},
		{"The alliance has decided to admit them in early March, an official said on Wednesday.", "2020-02-10", "early March", "2020-03"},
		{"OPEC opted to cut output by another 500,000 barrels a day from February.", "2020-12-15", "February", "2021-02"},
		{"By Wednesday, soldiers who had been ordered to the compound were deployed.", "2020-01-03", "Wednesday", "2020-01-01"},
		{"By Wednesday, the militias that still hold the bridge will withdraw.", "2020-01-03", "Wednesday", "2020-01-08"},
		// Month and day.
		{"The ceasefire was signed May 5.", "2020-01-03", "May 5", "2019-05-05"},
		{"The offer was extended to Jan. 20.", "2020-01-03", "Jan. 20", "2020-01-20"},
		{"The dividend will be paid Dec. 14.", "2020-01-03", "Dec. 14", "2020-12-14"},
		{"Shares issued July 1, which will trade next month, fell.", "2020-10-27", "July 1", "2020-07-01"},
		{"The fiscal year ended Jan. 31, the firm said.", "2020-10-27", "Jan. 31", "2020-01-31"},
		// Weekdays.
		{"Envoys will meet Bush on Thursday.", "2020-01-01", "Thursday", "2020-01-02"},
		{"On Tuesday, the league plans to screen a new film.", "2020-01-03", "Tuesday", "2020-01-07"},
		{"Police arrested him on Tuesday.", "2020-01-03", "Tuesday", "2019-12-31"},
		{"The family has until 9 a.m. Tuesday to agree.", "2020-01-03", "9 a.m. Tuesday", "2020-01-07T09:00"},
		{"The family said it would appeal Wednesday's ruling.", "2020-01-03", "Wednesday", "2020-01-01"},
		{"The minister said the father would be flying to Paris Thursday.", "2020-01-01", "Thursday", "2020-01-02"},
		// Quarters.
		{"The company expects a loss in the first quarter.", "2020-10-27", "the first quarter", "2021-Q1"},
		{"The company expects to report a third-quarter loss.", "2020-10-27", "third-quarter", "2020-Q3"},
		{"Profit fell in the fourth quarter.", "2020-08-27", "the fourth quarter", "2019-Q4"},
		// Seasons.
		{"The festival returns this summer.", "2020-01-03", "this summer", "2020-SU"},
		{"The rebels will attack in the spring.", "2020-01-03", "the spring", "2020-SP"},
		{"The rebels attacked in the spring.", "2020-01-03", "the spring", "2019-SP"},
		{"Prices peaked in the winter of nineteen ninety-four.", "2020-01-03", "the winter of nineteen ninety-four", "1994-WI"},
		// Times with a deictic day.
		{"The curfew begins at 10 p.m. tonight.", "2020-01-03", "10 p.m. tonight", "2020-01-03T22:00"},
		{"Shots rang out at 5 a.m. Sunday morning.", "2020-01-03", "5 a.m. Sunday morning", "2019-12-29T05:00"},
		{"The envoy was due to arrive in the capital on Wednesday.", "2020-01-06", "Wednesday", "2020-01-08"},
		{"The offer had been due to expire Friday evening.", "2020-01-06", "Friday evening", "2020-01-03TEV"},
		{"Runners are expected to take part in Sunday's race.", "2020-01-03", "Sunday", "2020-01-05"},
		{"The talks will resume in Rome, officials said on Wednesday.", "2020-01-03", "Wednesday", "2020-01-01"},
		{"The results are published by Friday.", "2020-01-01", "Friday", "2020-01-03"},
		{"By Wednesday, the crowd had left.", "2020-01-03", "Wednesday", "2020-01-01"},
		{"By Friday, Christmas Day, the crowds had left Nairobi.", "2020-12-27", "Friday", "2020-12-25"},
		{"By Friday, a public holiday, the crowds will leave.", "2020-12-27", "Friday", "2021-01-01"},
		{"Mowlam will become a minister if Labour wins Thursday.", "2020-01-07", "Thursday", "2020-01-09"},
		// Holidays.
		{"The striker Jermaine Easter scored twice.", "2020-01-03", "Easter", ""},
		{"Shops will close on Christmas Eve.", "2020-01-03", "Christmas Eve", "2020-12-24"},
		{"Shops closed on Christmas Eve.", "2020-01-03", "Christmas Eve", "2019-12-24"},
	}
	ex := New()
	for _, tt := range tests {
		got := ex.ExtractText(tt.in, tt.pub)
		g, ok := find(got, tt.text)
		if tt.val == "" {
			if ok {
				t.Errorf("%q (pub %s): %q is not a time expression: %+v", tt.in, tt.pub, tt.text, g)
			}
			continue
		}
		if !ok {
			t.Errorf("%q (pub %s): %q not found in %+v", tt.in, tt.pub, tt.text, got)
			continue
		}
		if g.Value != tt.val {
			t.Errorf("%q (pub %s): %q = %s, want %s", tt.in, tt.pub, tt.text, g.Value, tt.val)
		}
	}
}

// TestAnaphoric checks expressions anchored to the last date named in the
// text rather than to the publication date.
func TestAnaphoric(t *testing.T) {
	tests := []struct {
		in, text, val string
	}{
		{"Exports reached $2 billion in 2014, a record for that year.", "that year", "2014"},
		{"She left the country in June 2015 and came back later that year.", "later that year", "2015"},
		{"The board met in March 2016. The following month, it sold the unit.", "The following month", "2016-04"},
		{"The mill opened in 2011. Two years later, it closed.", "Two years later", "2013"},
		{"Profit rose in the third quarter of 2018. Sales in that quarter were flat.", "that quarter", "2018-Q3"},
		{"The paper said in an editorial on Monday, Jan. 6: the law is bad.", "Monday, Jan. 6", "2020-01-06"},
	}
	ex := New()
	for _, tt := range tests {
		got := ex.ExtractText(tt.in, "2020-01-03")
		g, ok := find(got, tt.text)
		if !ok {
			t.Errorf("%q: %q not found in %+v", tt.in, tt.text, got)
			continue
		}
		if g.Value != tt.val {
			t.Errorf("%q: %q = %s, want %s", tt.in, tt.text, g.Value, tt.val)
		}
	}
}

// TestDurationForms checks fractions, hedges and compounds of durations
// and dates.
func TestDurationForms(t *testing.T) {
	tests := []struct {
		in, text, typ, val string
	}{
		{"The refugees stayed in the camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"},
		{"The flight took 7 1/2 hours.", "7 1/2 hours", "DURATION", "PT7H30M"},
		{"The siege lasted a year and a half.", "a year and a half", "DURATION", "P1Y6M"},
		{"She had held the post for only six months.", "six months", "DURATION", "P6M"},
		{"Jobless claims are the lowest in two decades.", "two decades", "DURATION", "P20Y"},
		{"The answer comes in just a few minutes.", "a few minutes", "DURATION", "PTXM"},
		{"It lost $3 million in the third quarter, against a year-earlier loss of $1 million.", "year-earlier", "DATE", "2018-Q3"},
		{"March nineteen ninety-one. The war ended.", "March nineteen ninety-one", "DATE", "1991-03"},
		{"The bank hopes to close the sale by year-end.", "year-end", "DATE", "2020"},
		{"Shares have doubled since year-end.", "year-end", "DATE", "2019"},
		{"It wants the rules in place by year's end.", "year's end", "DATE", "2020"},
		{"Sales rose in the third quarter. The latest period had a gain.", "The latest period", "DATE", "2019-Q3"},
		{"Under the current rules, nobody can vote.", "current", "DATE", "PRESENT_REF"},
		{"Net rose in the third quarter of 2019, against a loss in the 2018 period.", "the 2018 period", "DATE", "2018-Q3"},
		{"The 2018 loss was booked in the 2018 second quarter.", "the 2018 second quarter", "DATE", "2018-Q2"},
		{"The union rejected the 30-day extension.", "30-day", "DURATION", "P30D"},
		{"Earlier Friday, troops shelled the port.", "Friday", "DATE", "2020-01-03"},
		{"The monitors will stay for two more weeks.", "two more weeks", "DURATION", "P2W"},
		{"The index fell for three straight years.", "three straight years", "DURATION", "P3Y"},
		{"Ten trading days after the crash, stocks recovered.", "Ten trading days", "DURATION", "P10D"},
		{"The lease runs for an additional year.", "an additional year", "DURATION", "P1Y"},
		{"The party, which just months ago was broke, won.", "months ago", "DATE", "PAST_REF"},
		{"Losses will continue into 2021, the bank said.", "2021", "DATE", "2021"},
		{"The notes are due 2025.", "2025", "DATE", "2025"},
		{"The feud dates back to 1994.", "1994", "DATE", "1994"},
		{"Profits will grow in both 2021 and 2022.", "2021", "DATE", "2021"},
		{"He says the firm won't profit until 2024 or later.", "2024 or later", "DATE", "2024"},
		{"The index closed at 1462.93 on Friday.", "1462", "", ""},
		{"Only one-quarter of those affected had insurance.", "one-quarter", "", ""},
		{"Funds hold more than a quarter of the market.", "more than a quarter", "", ""},
		{"\"When Christmas falls on a weekend, sales slump.", "Christmas", "DATE", "2019-12-25"},
		{"For the week, the index fell 2%.", "the week", "DATE", "2020-W01"},
		{"The hearing is set for the week of Jan. 13.", "the week of Jan. 13", "DATE", "2020-W03"},
		{"The summit will be held on Jan. 24 and 25 in Rome.", "25", "DATE", "2020-01-25"},
		{"Polls gave him 24 and 25 percent.", "25", "", ""},
		{"The father will leave at 4 in the morning.", "4 in the morning", "TIME", "2020-01-03T04:00"},
		{"The protests began this past weekend.", "this past weekend", "DATE", "2019-W52-WE"},
		{"The rally took place on Dec. 30-31.", "Dec. 30", "DATE", "2019-12-30"},
		{"The rally took place on Dec. 30-31.", "31", "DATE", "2019-12-31"},
		{"The spin-off could take effect in next year's first quarter.", "next year's first quarter", "DATE", "2021-Q1"},
		{"The boy was found last Thanksgiving.", "last Thanksgiving", "DATE", "2019-11-28"},
		{"Inspectors are likely to last over a week.", "over a week", "DURATION", "P1W"},
		{"It made the late-November trip.", "late-November", "DATE", "2019-11"},
		{"Earnings will suffer in the last half of 2019.", "the last half of 2019", "DATE", "2019-H2"},
		{"Sales peak in the final quarter of the year.", "the final quarter of the year", "DATE", "2020-Q4"},
		{"Sales were flat in the last half of the '80s.", "the last half", "", ""},
		{"The cuts take effect next fiscal year.", "next fiscal year", "DATE", "2021"},
		{"He returns on Friday next week.", "Friday next week", "DATE", "2020-01-10"},
		{"The vote took place on Monday last week.", "Monday last week", "DATE", "2019-12-23"},
		{"The week was the second half of a two-week statement period.", "the second half", "", ""},
		{"The bank posted a loss for the third quarter of $226.3 million.", "the third quarter", "DATE", "2019-Q3"},
		{"Soybean prev 100.9, Feb 45.1, Apr nil, May 20.0, total 166.1.", "May 20", "", ""},
		{"The flood happened about 4,000 years ago.", "about 4,000 years ago", "DATE", "PAST_REF"},
		{"The Normans came 1,000 years ago.", "1,000 years ago", "DATE", "1020"},
		{"The dam will last 1,500 years.", "1,500 years", "DURATION", "P1500Y"},
		{"Lawyers emerged from a day-long meeting.", "day-long", "DURATION", "P1D"},
		{"It is a decades-long feud.", "decades-long", "DURATION", "PXE"},
		{"He stressed the 4,000 year history of the country.", "4,000 year", "DURATION", "P4000Y"},
		{"Chile signed a 15-1/2 year rescheduling accord.", "15-1/2 year", "DURATION", "P15Y6M"},
		{"Revs 3,761,000 vs 2,666,000\n    Year ended Dec 31.", "000\n    Year", "", ""},
		{"Protesters gather every weekend.", "every weekend", "SET", "XXXX-WXX-WE"},
		{"Growth slowed in the first half of the year.", "the first half of the year", "DATE", "2020-H1"},
		{"Sects expect the end of the world by the year two thousand.", "the year two thousand", "DATE", "2000"},
		{"The guild kept its secrets for two thousand years.", "two thousand", "", ""},
		{"Sales rose 5% in the third quarter, after a loss in the 2018 quarter.", "the 2018 quarter", "DATE", "2018-Q3"},
	}
	ex := New()
	for _, tt := range tests {
		got := ex.ExtractText(tt.in, "2020-01-03")
		g, ok := find(got, tt.text)
		if tt.typ == "" {
			if ok {
				t.Errorf("%q: %q is not a time expression: %+v", tt.in, tt.text, g)
			}
			continue
		}
		if !ok {
			t.Errorf("%q: %q not found in %+v", tt.in, tt.text, got)
			continue
		}
		if g.Type != tt.typ || g.Value != tt.val {
			t.Errorf("%q: %q = %s %s, want %s %s", tt.in, tt.text, g.Type, g.Value, tt.typ, tt.val)
		}
	}
}

// taggedDoc builds a one-sentence doc from "word/TAG" tokens joined by
// spaces (a token without a tag has none).
func taggedDoc(pub, tagged string) *sitrep.Doc {
	var text strings.Builder
	var toks []sitrep.Token
	for i, wt := range strings.Fields(tagged) {
		w, tag, _ := strings.Cut(wt, "/")
		if i > 0 && w != "." && w != "," {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(w)
		toks = append(toks, sitrep.Token{Span: sitrep.Span{Start: start, End: text.Len()}, Tag: tag})
	}
	s := text.String()
	return &sitrep.Doc{
		Article:   &sitrep.Article{Published: pub, Text: s},
		Sentences: []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: len(s)}, Tokens: toks}},
	}
}

// TestTenseTagged checks tense rules that need POS tags.
func TestTenseTagged(t *testing.T) {
	tests := []struct {
		pub, tagged, text, val string
	}{
		// A conditional present speaks of the future.
		{"2020-01-07", "Labour/NNP takes/VBZ power/NN if/IN it/PRP wins/VBZ Thursday/NNP ./.", "Thursday", "2020-01-09"},
		// A plain present does not.
		{"2020-01-07", "Labour/NNP says/VBZ it/PRP won/VBD Thursday/NNP ./.", "Thursday", "2020-01-02"},
		// "to" before a verb mistagged as past is an infinitive.
		{"2020-12-15", "OPEC/NNP opted/VBD to/TO cut/VBD output/NN from/IN February/NNP ./.", "February", "2021-02"},
		// A participle before "are" is a reduced relative.
		{"2020-01-03", "Statements/NNS made/VBN Friday/NNP are/VBP below/IN ./.", "Friday", "2020-01-03"},
		{"2020-01-03", "The/DT votes/NNS are/VBP counted/VBN in/IN March/NNP ./.", "March", "2020-03"},
	}
	ex := New()
	for _, tt := range tests {
		doc := taggedDoc(tt.pub, tt.tagged)
		got := ex.Extract(doc)
		g, ok := find(got, tt.text)
		if !ok {
			t.Errorf("%q: %q not found in %+v", doc.Article.Text, tt.text, got)
			continue
		}
		if g.Value != tt.val {
			t.Errorf("%q (pub %s): %q = %s, want %s", doc.Article.Text, tt.pub, tt.text, g.Value, tt.val)
		}
	}
}
