using System.Globalization;
using System.Text;
using Parley;
using Parley.Storage;
using Parley.Throughput;

// The cluster harness's helper.
//   corpus DIR N DATA      writes N generated text captures under DIR (1,000 per folder) from the dictionaries in DATA
//   canon DB               prints every event of the store DB (SQLite file or PostgreSQL) as one
//                          line of id, date, code, actors, counts and Goldstein value, sorted by id
var inv = CultureInfo.InvariantCulture;
switch (args)
{
    case ["corpus", var dir, var n, var data]:
        long bytes = new CorpusGenerator(data, html: false).Write(dir, int.Parse(n, inv));
        Console.WriteLine(FormattableString.Invariant($"{n} captures, {bytes / 1e6:F1} MB"));
        return 0;
    case ["canon", var db]:
        using (var store = EventStores.Open(db))
        {
            var lines = store.EnumerateEvents(new EventQuery { Modalities = Enum.GetValues<Modality>() })
                .Select(e => string.Join('|', e.Id, e.Date?.ToString("yyyy-MM-dd", inv), e.Code.Code, e.Source.Code, e.Target.Code,
                    e.NumMentions.ToString(inv), e.NumArticles.ToString(inv), e.NumSources.ToString(inv), e.Code.Goldstein.ToString(inv)))
                .Order(StringComparer.Ordinal);
            var output = new StringBuilder();
            foreach (var line in lines) output.Append(line).Append('\n');
            Console.Out.Write(output);
        }
        return 0;
    default:
        Console.Error.WriteLine("usage: parley-cluster-tool corpus DIR N SAMPLES | canon DB");
        return 2;
}
