using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Consolidation;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Storage.Export;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>The exports read back: GDELT 2.0 tables by the codebook's columns and types, JSONL losslessly, CSV by column.</summary>
public sealed partial class ExportTests : IClassFixture<ExportTests.Store>
{
    public sealed class Store : IDisposable
    {
        internal readonly TempFolder Dir = new();
        public readonly string Db;
        public readonly List<Event> Events;

        public Store()
        {
            Db = Path.Combine(Dir.Path, "export.db");
            using var store = new SqliteEventStore(Db);
            new IngestService(store, DictionarySet.Default).Ingest([Path.Combine(Repo.Root, "samples"), Path.Combine(Repo.Inputs, "consolidation")], new Diagnostics());
            Events = store.EnumerateEvents(new EventQuery { Modalities = [] }).ToList();
        }

        public void Dispose() => Dir.Dispose();
    }

    private readonly Store _store;

    public ExportTests(Store store) => _store = store;

    // The GDELT 2.0 codebook's type of each column, by name: integers, decimals (empty when
    // unknown, as GDELT leaves them), CAMEO codes kept as digit strings, 3-letter code blocks.
    private static Regex? TypeOf(string column) => column switch
    {
        "GLOBALEVENTID" or "NumMentions" or "NumSources" or "NumArticles" => Int(),
        "SQLDATE" => Digits8(),
        "MonthYear" => Digits6(),
        "Year" => Digits4(),
        "DATEADDED" => Digits14(),
        "IsRootEvent" => ZeroOne(),
        "QuadClass" => Quad(),
        "EventCode" => EventCode(),
        "EventBaseCode" => BaseCode(),
        "EventRootCode" => RootCode(),
        "FractionDate" or "GoldsteinScale" => Decimal(),
        "AvgTone" => DecimalOrEmpty(),
        _ when column.EndsWith("_Type", StringComparison.Ordinal) => GeoType(),
        _ when column.EndsWith("_Lat", StringComparison.Ordinal) || column.EndsWith("_Long", StringComparison.Ordinal) => DecimalOrEmpty(),
        _ when column.EndsWith("CountryCode", StringComparison.Ordinal) || column.EndsWith("KnownGroupCode", StringComparison.Ordinal)
            || Regex.IsMatch(column, "Type[123]Code$") => BlockOrEmpty(),
        "SOURCEURL" => NonEmpty(), // the URL, or a citation (the outlet) for a capture without one, as the codebook allows
        _ => null,
    };

    [Fact]
    public void Gdelt_EveryRowHas61ColumnsOfTheCodebooksTypes()
    {
        GdeltExport.EventColumns.Should().HaveCount(61);
        GdeltExport.EventColumns[1].Should().Be("SQLDATE");
        GdeltExport.EventColumns[26].Should().Be("EventCode");
        GdeltExport.EventColumns[60].Should().Be("SOURCEURL");
        var o = new StringWriter();
        var mentions = new StringWriter();
        foreach (var e in _store.Events)
            if (GdeltExport.WriteEvent(o, e)) GdeltExport.WriteMentions(mentions, e);
        var rows = o.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        rows.Should().HaveCount(_store.Events.Count(e => GdeltExport.SqlDate(e) is not null)).And.HaveCountGreaterThan(20);
        foreach (var row in rows)
        {
            row.Should().HaveCount(61);
            for (int i = 0; i < 61; i++)
                if (TypeOf(GdeltExport.EventColumns[i]) is { } type)
                    type.IsMatch(row[i]).Should().BeTrue($"{GdeltExport.EventColumns[i]} = '{row[i]}' must match {type}");
            var e = _store.Events.Single(x => EventKeys.NumericId(x.Id).ToString(CultureInfo.InvariantCulture) == row[0]);
            if (e.Date is { } d) row[1].Should().Be(d.ToString("yyyyMMdd", CultureInfo.InvariantCulture), "SQLDATE is the day the event happened");
            row[26].Should().Be(e.Code.Code);
            row[5].Should().Be(e.Source.Code);
            int.Parse(row[31], CultureInfo.InvariantCulture).Should().Be(e.NumMentions);
            int.Parse(row[32], CultureInfo.InvariantCulture).Should().Be(e.NumSources);
            int.Parse(row[33], CultureInfo.InvariantCulture).Should().Be(e.NumArticles);
        }
        rows.Select(r => r[0]).Should().OnlyHaveUniqueItems();
        var mentionRows = mentions.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        mentionRows.Should().HaveCount(rows.Sum(r => int.Parse(r[31], CultureInfo.InvariantCulture)));
        var ids = rows.Select(r => r[0]).ToHashSet();
        foreach (var m in mentionRows)
        {
            m.Should().HaveCount(GdeltExport.MentionColumns.Count).And.HaveCount(16);
            ids.Should().Contain(m[0]);
            Digits14().IsMatch(m[1]).Should().BeTrue();
            Digits14().IsMatch(m[2]).Should().BeTrue();
            m[3].Should().Be("1");
            int.Parse(m[6], CultureInfo.InvariantCulture).Should().BePositive();
            int.Parse(m[9], CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(0);
            int.Parse(m[11], CultureInfo.InvariantCulture).Should().BeInRange(0, 100);
        }
    }

    [Fact]
    public void Gdelt_ActorCodesSplitIntoCountryAndRoleBlocks()
    {
        var e = _store.Events.First(x => x.Source.Code == "KORGOV" && x.Target.Code.StartsWith("IGO", StringComparison.Ordinal) || x.Source.Code == "KORGOV");
        var o = new StringWriter();
        GdeltExport.WriteEvent(o, e with { Target = new ActorRef("the U.N.", "United Nations", "IGOUNO") });
        var row = o.ToString().TrimEnd('\n').Split('\t');
        (row[5], row[7], row[12]).Should().Be(("KORGOV", "KOR", "GOV"));
        (row[15], row[17], row[18]).Should().Be(("IGOUNO", "", "UNO"));
    }

    [Fact]
    public void Jsonl_RoundTripLosesNoField()
    {
        var o = new StringWriter();
        foreach (var e in _store.Events) PolecatJsonl.Write(o, e);
        var lines = o.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(_store.Events.Count);
        var back = lines.Select(PolecatJsonl.Read).ToList();
        back.Should().BeEquivalentTo(_store.Events, opts => opts.WithStrictOrdering().ComparingByMembers<Event>().ComparingByMembers<EventMentionView>());
        _store.Events.Should().Contain(e => e.FirstSeen != null && e.Location != null && e.Mentions.Any(m => m.Attribution != null || m.StoryId != null),
            "the round trip covers optional fields that are set");
    }

    [Fact]
    public void Csv_HasAHeaderAndOneRowPerEvent()
    {
        var o = new StringWriter();
        EventCsv.WriteHeader(o);
        foreach (var e in _store.Events) EventCsv.Write(o, e);
        var rows = ParseCsv(o.ToString());
        rows[0].Should().Equal(EventCsv.Columns);
        rows.Should().HaveCount(_store.Events.Count + 1);
        rows.Skip(1).Should().OnlyContain(r => r.Count == EventCsv.Columns.Count);
        rows.Skip(1).Select(r => r[0]).Should().Equal(_store.Events.Select(e => e.Id));
    }

    [Fact]
    public void ExportCommand_WritesGdeltEventsAndMentionsFilesForAFilter()
    {
        string output = Path.Combine(_store.Dir.Path, "kor-usa.tsv");
        var (code, _, err) = Cli("export", "--db", _store.Db, "--format", "gdelt", "--dyad", "KOR-USA", "--out", output);
        code.Should().Be(0, err);
        var rows = File.ReadAllLines(output).Select(l => l.Split('\t')).ToList();
        rows.Should().NotBeEmpty().And.OnlyContain(r => r.Length == 61 && (r[7] + r[17] == "KORUSA" || r[7] + r[17] == "USAKOR"));
        File.ReadAllLines(Path.Combine(_store.Dir.Path, "kor-usa.mentions.tsv")).Should().NotBeEmpty().And.OnlyContain(l => l.Split('\t').Length == 16);
        var (jcode, json, _) = Cli("export", "--db", _store.Db, "--format", "jsonl", "--from", "2022-06-01", "--to", "2022-06-30");
        jcode.Should().Be(0);
        json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(PolecatJsonl.Read)
            .Should().NotBeEmpty().And.OnlyContain(e => e.Date!.Value.Year == 2022 && e.Date.Value.Month == 6);
        Cli("export", "--db", Path.Combine(_store.Dir.Path, "missing.db"), "--format", "csv").Code.Should().Be(2);
    }

    internal static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parley.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    // RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        return rows;
    }

    [GeneratedRegex(@"^[1-9][0-9]*$")] private static partial Regex Int();
    [GeneratedRegex(@"^(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$")] private static partial Regex Digits8();
    [GeneratedRegex(@"^(19|20)[0-9]{2}(0[1-9]|1[0-2])$")] private static partial Regex Digits6();
    [GeneratedRegex(@"^(19|20)[0-9]{2}$")] private static partial Regex Digits4();
    [GeneratedRegex(@"^[0-9]{14}$")] private static partial Regex Digits14();
    [GeneratedRegex(@"^[01]$")] private static partial Regex ZeroOne();
    [GeneratedRegex(@"^[1-4]$")] private static partial Regex Quad();
    [GeneratedRegex(@"^[0-2][0-9]{1,3}$")] private static partial Regex EventCode();
    [GeneratedRegex(@"^[0-2][0-9]{1,2}$")] private static partial Regex BaseCode();
    [GeneratedRegex(@"^[0-2][0-9]$")] private static partial Regex RootCode();
    [GeneratedRegex(@"^-?[0-9]+\.[0-9]+$")] private static partial Regex Decimal();
    [GeneratedRegex(@"^(-?[0-9]+(\.[0-9]+)?)?$")] private static partial Regex DecimalOrEmpty();
    [GeneratedRegex(@"^[0-5]$")] private static partial Regex GeoType();
    [GeneratedRegex(@"^([A-Z]{3})?$")] private static partial Regex BlockOrEmpty();
    [GeneratedRegex(@"^[^\t]+$")] private static partial Regex NonEmpty();
}
