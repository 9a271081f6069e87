using System.Data.Common;
using Parley.Pipeline.Consolidation;

namespace Parley.Storage;

/// <summary>
/// The story bands of recently stored articles, held in memory and written to the stored band
/// index in key order only when enough have gathered: the index's keys are random hashes, so
/// writing each batch's bands at once rewrote most pages of the index in every transaction
/// (at 100,000 articles, 4,096 band rows per batch landed on as many pages).
/// </summary>
/// <remarks>
/// <para>Nothing is lost by a kill: an article's signature is stored with its row, so the
/// buffer is rebuilt on the first batch after opening from the articles stored after the last
/// flush (the watermark, an article rowid, written in the flush's transaction).</para>
/// <para>Every change is undone when the batch's transaction rolls back, and a flush clears
/// the buffer only once its transaction has committed.</para>
/// <para>Another process writing the same file is caught up with at the start of each batch:
/// articles stored since this buffer last looked are added to it. Their bands may also be in
/// the stored index already; a candidate listed twice is counted once.</para>
/// </remarks>
internal sealed class BandBuffer(int capacity = BandBuffer.DefaultCapacity)
{
    /// <summary>
    /// Band rows held before a flush: 2^17 rows, 8,192 articles of 16 bands, about 4 MB. A flush
    /// every four batches of 2,048 touches each page of the stored index at most once.
    /// </summary>
    public const int DefaultCapacity = 1 << 17;

    // A band's articles: one id (the usual case, a band is rare) or a list of them.
    private readonly Dictionary<long, object> _byBand = [];
    private readonly Dictionary<string, long[]> _byArticle = new(StringComparer.Ordinal);
    private readonly List<(bool Added, string Id, long[] Bands)> _undo = [];
    private int _rows;
    private long _seen = -1;
    private long _seenAtBegin;
    private bool _flushed;

    // Every band stored or buffered, as a Bloom filter of fixed size: a story lookup reads the band
    // index only for bands it may hold. Half the band rows of the 100,000-capture bench corpus are
    // bands no other article has, so most of a new article's bands are in no stored row. 2^26 bits
    // (8 MB) and three probes: about one false "may" in 2,500 at 1.6 million bands (100,000
    // articles), one in seven at 16 million; a false "may" costs only the read it would have cost anyway.
    private ulong[]? _filter;
    private const int FilterBits = 26;

    /// <summary>Band rows buffered now.</summary>
    public int Rows => _rows;

    /// <summary>
    /// Called first in a batch's transaction: loads the articles stored after the watermark (on
    /// the first batch) or after the last one this buffer has seen (another writer's).
    /// </summary>
    public void Begin(DbTransaction tx)
    {
        _undo.Clear();
        _flushed = false;
        _seenAtBegin = _seen;
        long after = _seen >= 0 ? _seen : Watermark(tx);
        if (_filter is null)
        {
            _filter = new ulong[1 << (FilterBits - 6)];
            using var stored = Command(tx, "SELECT band FROM article_bands");
            using var r = stored.ExecuteReader();
            while (r.Read()) Mark(r.GetInt64(0));
        }
        using var cmd = Command(tx, "SELECT rowid, id, minhash FROM articles WHERE rowid > @after ORDER BY rowid");
        RelationalEventStore.Add(cmd, "@after", after);
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                after = r.GetInt64(0);
                string id = r.GetString(1);
                if (!_byArticle.ContainsKey(id) && !r.IsDBNull(2) && MinHash.FromBytes((byte[])r[2]) is { } sig)
                    Add(id, MinHash.Bands(sig));
            }
        _seen = after;
    }

    /// <summary>Adds an article's bands (a band repeated within the article once).</summary>
    public void Add(string articleId, long[] bands)
    {
        if (_byArticle.ContainsKey(articleId)) Remove(articleId);
        var distinct = bands.Distinct().ToArray();
        _byArticle[articleId] = distinct;
        foreach (long band in distinct) Link(band, articleId);
        _rows += distinct.Length;
        _undo.Add((true, articleId, distinct));
    }

    /// <summary>Removes an article's bands when it is buffered.</summary>
    public void Remove(string articleId)
    {
        if (!_byArticle.Remove(articleId, out var bands)) return;
        foreach (long band in bands) Unlink(band, articleId);
        _rows -= bands.Length;
        _undo.Add((false, articleId, bands));
    }

    /// <summary>Adds the buffered articles of each band to <paramref name="perBand"/>, by position.</summary>
    public void AddTo(long[] bands, List<string>[] perBand)
    {
        for (int i = 0; i < bands.Length; i++)
            switch (_byBand.GetValueOrDefault(bands[i]))
            {
                case string one: perBand[i].Add(one); break;
                case List<string> many: perBand[i].AddRange(many); break;
            }
    }

    /// <summary>
    /// Called last before the commit: notes the articles stored so far as seen, and tells whether
    /// the buffer is to be written to the band index now: when it is full, or when
    /// <paramref name="deletedArticles"/> (a rowid SQLite reuses after a delete must never hide
    /// below the watermark unflushed).
    /// </summary>
    /// <remarks>
    /// <para><paramref name="inputRead"/>: the ingest has read all of its input, and only the captures
    /// in flight follow (a batch being formed and a queue of about one more). A full buffer then waits
    /// for the next run, or for twice its size. Those last batches are the ones a run on several cores
    /// waits for with its workers idle: a flush of 2^17 rows (some 0.13 s: 25 ms sorting, 90 inserting)
    /// there was all serial time, and in the bench's 10,000 captures it came at article 8,192, one of
    /// the last two batches. Nothing is lost by waiting: the rows above the watermark are rebuilt from
    /// the articles' signatures at the next open, as after a kill, and are written at the next flush.
    /// The bench's 10,000 captures, eight alternated rounds, means: two cores 4,416 against 4,038
    /// captures/s, one core 2,557 against 2,464; two against one 1.73x against 1.64x.</para>
    /// </remarks>
    public bool BeforeCommit(DbTransaction tx, bool deletedArticles, bool inputRead = false)
    {
        using (var max = Command(tx, "SELECT max(rowid) FROM articles"))
            _seen = max.ExecuteScalar() is long m ? m : 0;
        return deletedArticles || _rows >= (inputRead ? 2L * capacity : capacity);
    }

    /// <summary>The buffered band rows in key order, for the band index.</summary>
    public List<(long Band, string Id)> SortedRows()
    {
        var rows = new List<(long Band, string Id)>(_rows);
        foreach (var (band, v) in _byBand)
            if (v is string one) rows.Add((band, one));
            else foreach (var id in (List<string>)v) rows.Add((band, id));
        rows.Sort((a, b) => a.Band != b.Band ? a.Band.CompareTo(b.Band) : string.CompareOrdinal(a.Id, b.Id));
        return rows;
    }

    /// <summary>The rows of <see cref="SortedRows"/> are written: moves the watermark in the same transaction.</summary>
    public void Flushed(DbTransaction tx)
    {
        using (var mark = Command(tx, "UPDATE band_watermark SET article_rowid = max(article_rowid, @seen)"))
        {
            RelationalEventStore.Add(mark, "@seen", _seen);
            mark.ExecuteNonQuery();
        }
        _flushed = true;
    }

    /// <summary>The batch committed: its changes stay, and a flushed buffer empties.</summary>
    /// <returns>True when the batch flushed the buffer into the band index.</returns>
    public bool Committed()
    {
        _undo.Clear();
        if (!_flushed) return false;
        _byBand.Clear();
        _byArticle.Clear();
        _rows = 0;
        _flushed = false;
        return true;
    }

    /// <summary>The batch rolled back: its changes are undone, newest first.</summary>
    public void RolledBack()
    {
        for (int i = _undo.Count - 1; i >= 0; i--)
        {
            var (added, id, bands) = _undo[i];
            if (added)
            {
                _byArticle.Remove(id);
                foreach (long band in bands) Unlink(band, id);
                _rows -= bands.Length;
            }
            else
            {
                _byArticle[id] = bands;
                foreach (long band in bands) Link(band, id);
                _rows += bands.Length;
            }
        }
        _undo.Clear();
        _seen = _seenAtBegin;
        _flushed = false;
    }

    /// <summary>False when no stored or buffered article has <paramref name="band"/>; true when one may.</summary>
    public bool MayHave(long band)
    {
        if (_filter is null) return true;
        for (int k = 0; k < 3; k++)
        {
            ulong bit = Probe(band, k);
            if ((_filter[bit >> 6] & (1UL << (int)(bit & 63))) == 0) return false;
        }
        return true;
    }

    private void Mark(long band)
    {
        for (int k = 0; k < 3; k++)
        {
            ulong bit = Probe(band, k);
            _filter![bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    // Three bit positions from one band key (itself a hash), each by its own odd multiplier's top bits.
    private static ulong Probe(long band, int k) =>
        ((ulong)band * k switch { 0 => 0x9E3779B97F4A7C15UL, 1 => 0xBF58476D1CE4E5B9UL, _ => 0x94D049BB133111EBUL }) >> (64 - FilterBits);

    private void Link(long band, string id)
    {
        if (_filter is not null) Mark(band);
        if (!_byBand.TryGetValue(band, out var v)) _byBand[band] = id;
        else if (v is string one) _byBand[band] = new List<string>(2) { one, id };
        else ((List<string>)v).Add(id);
    }

    private void Unlink(long band, string id)
    {
        if (!_byBand.TryGetValue(band, out var v)) return;
        if (v is string one)
        {
            if (one == id) _byBand.Remove(band);
            return;
        }
        var many = (List<string>)v;
        many.Remove(id);
        if (many.Count == 1) _byBand[band] = many[0];
        else if (many.Count == 0) _byBand.Remove(band);
    }

    private static long Watermark(DbTransaction tx)
    {
        using var cmd = Command(tx, "SELECT article_rowid FROM band_watermark");
        return cmd.ExecuteScalar() is long w ? w : 0;
    }

    private static DbCommand Command(DbTransaction tx, string sql)
    {
        var cmd = tx.Connection!.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
