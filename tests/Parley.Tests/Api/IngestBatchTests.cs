using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Api;

/// <summary>The batches an ingest makes, on the reader's side (raw captures) and the writer's.</summary>
public sealed class IngestBatchTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A store that passes every call on to a real one and notes the size of each batch.</summary>
    public class RecordingStore : DispatchProxy
    {
        public IEventStore Inner { get; set; } = null!;
        public List<int> Stored { get; } = [];
        public List<int> Written { get; } = [];
        public List<bool> InputRead { get; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(IEventStore.AddCaptures)) Stored.Add(((IReadOnlyList<Capture>)args![0]!).Count);
            if (targetMethod.Name == nameof(IEventStore.SaveBatch))
            {
                Written.Add(((IReadOnlyList<ProcessedCapture>)args![0]!).Count);
                InputRead.Add((bool)args[1]!);
            }
            try
            {
                return targetMethod.Invoke(Inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }

    private static IEnumerable<Capture> Captures(int n) => Enumerable.Range(0, n).Select(i =>
        new Capture($"c{i:D4}", $"c{i}.txt", null, CaptureFormat.Text, Encoding.UTF8.GetBytes($"Capture number {i} says little."), null));

    // Ingests `count` made-up captures through a recording store over a fresh SQLite file.
    private (RecordingStore Recorder, IngestResult Result, StoreCounts Counts) Ingest(int count, int workers, int batchSize)
    {
        using var inner = new SqliteEventStore(Path.Combine(_dir.Path, $"n{count}-w{workers}-b{batchSize}.db"));
        var store = DispatchProxy.Create<IEventStore, RecordingStore>();
        var recorder = (RecordingStore)(object)store;
        recorder.Inner = inner;
        var result = new IngestService(store, DictionarySet.Default) { Workers = workers, BatchSize = batchSize }.Ingest(Captures(count), new Diagnostics());
        return (recorder, result, inner.Counts());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void OnSeveralWorkers_BatchesStartSmall_AndDoubleUpToTheBatchSize(int workers)
    {
        var (recorder, result, counts) = Ingest(1000, workers, batchSize: 256);

        result.Captures.Should().Be(1000);
        result.New.Should().Be(1000);
        counts.Captures.Should().Be(1000);
        // 64 + 128 + 256 + 256 + 256 = 960, and the 40 left.
        recorder.Stored.Should().Equal(64, 128, 256, 256, 256, 40);
        // The writer's first batches are the same; once the reader has queued the last capture (with at most
        // the batch size and 16 per worker in flight, not before the third batch is written) it writes what
        // is done whenever the next capture is not, so how the rest is cut depends on timing.
        recorder.Written.Take(3).Should().Equal(64, 128, 256);
        recorder.Written.Sum().Should().Be(1000);
        recorder.Written.Should().OnlyContain(n => n <= 256);
        recorder.Written.SkipLast(1).Should().OnlyContain(n => n >= 64);
    }

    [Fact]
    public void OnOneWorker_TheFirstBatchIsSmall_AndTheRestWhole()
    {
        var (recorder, result, counts) = Ingest(1000, workers: 1, batchSize: 256);

        result.New.Should().Be(1000);
        counts.Captures.Should().Be(1000);
        recorder.Stored.Should().Equal(64, 256, 256, 256, 168);
        recorder.Written.Should().Equal(64, 256, 256, 256, 168);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TheWriterTellsTheStore_OnceAllTheInputIsRead(int workers)
    {
        var (recorder, _, counts) = Ingest(1000, workers, batchSize: 256);

        counts.Captures.Should().Be(1000);
        recorder.InputRead.Should().HaveCount(recorder.Written.Count, "every batch says whether the input is read");
        // At most 256 + 16 per worker in the queue: the first batches are written while the reader still reads;
        // the last one only after the reader has queued the last capture. From the first "read" on, all are.
        recorder.InputRead[0].Should().BeFalse();
        recorder.InputRead[^1].Should().BeTrue();
        recorder.InputRead.SkipWhile(read => !read).Should().OnlyContain(read => read);
    }

    [Fact]
    public void ABatchSizeUnderTheFirstBatch_IsKeptFromTheStart()
    {
        var (recorder, _, _) = Ingest(40, workers: 2, batchSize: 16);

        recorder.Written.Should().Equal(16, 16, 8);
        recorder.Stored.Should().Equal(16, 16, 8);
    }
}
