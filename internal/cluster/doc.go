// Package cluster links what many articles say into one picture: event
// mentions that tell the same real-world act become one linked event,
// near-duplicate articles (syndicated copies, light rewrites) are marked as
// copies of an original, and articles and events group into situations
// (a riot and its aftermath, a front of a war).
//
// Input: *sitrep.Result values, one per article, in arrival order (Add).
// Output: *sitrep.Situations (Snapshot, and TakeSettled on streams):
// situations with their articles, linked events (mentions,
// NumMentions/NumSources/NumArticles, a corroboration confidence, the
// casualty figures of the event), casualty figures as ranges with their
// sources, quotes; and the duplicate articles.
//
// Memory: DefaultConfig keeps every result (Result returns it, for
// reports). StreamConfig keeps only what linking and the output need and
// lets quiet situations settle: they leave through TakeSettled and are
// forgotten, so memory follows the open situations, not the stream
// (Config.SettleAfter, SettleDays, MaxHeld).
//
// Everything is incremental: Add does the work for one article against
// what came before, through indexes (MinHash bands for duplicates, event
// type and week buckets for events, salient words for situations), so the
// cost per article does not grow with the corpus. Snapshot derives the
// counts, so a copy found later still stops counting as a source.
//
// Linking two mentions (see linkScore): they must share a PLOVER type (or
// CAMEO root when they have none) and a QuadClass, or be of neighbouring
// types (ASSAULT ~ COERCE, AGREE ~ SUPPORT ~ COOPERATE ~ AID, ACCUSE ~
// REJECT) with evidence sentences sharing a quarter of their words; share
// a modality; have compatible actors (IRQ ~ IRQMIL, police ~ soldiers,
// crowds ~ civilians; two different known countries never), dates within
// a tolerance that depends on where each date came from, and places no
// more than 150 km apart (same country when one is only a country); two
// different acts of one sentence never link, and two readings of one verb
// are one act whatever their codes (see readings). The score is a
// weighted sum of code, actor, date, place and evidence-text agreement,
// and a mention joins the event it scores highest with if that reaches
// Config.LinkThreshold. An article that tells the story of an event (it
// fits the event's situation by itself, see Clusterer.story) counts
// its acts of the event's root as told in half-agreeing words: reports
// of one story tell one act in their own words. An asserted act dated
// after its report is linked as dated by the report, and one known
// actor's two verbs of one type in one sentence may link. Articles join
// situations by situations.score: the cosine of tf·idf word vectors in which only specific words (held by
// at most 20 articles or 0.5% of them) count as shared, plus names,
// place, event types and time; a shared event or a copy adds to it only
// when the words agree for half the threshold, and an article merges two
// situations only on its words, so that generic events and template
// texts (earnings tables) do not chain unrelated stories. The
// weights and thresholds are set on examples/situations.jsonl against
// testdata/situations.gold.json and checked on testdata/heldout.jsonl,
// which they were not set on (see TestCorpus).
package cluster
