namespace Parley.Storage;

/// <summary>
/// A bounded cache that keeps what was used most recently: two generations of at most half the
/// capacity each; when the young one is full the old one is dropped and the young one becomes old,
/// and an entry found in the old one moves back to the young one. No entry is in both generations.
/// </summary>
/// <remarks>
/// The capacity counts entries, or, with <c>weight</c>, the weights of the values (the ids a value
/// holds, say): a generation is full when the next value added would take it past half the
/// capacity. Only a value heavier than half the capacity, or one replaced by a heavier value
/// (<see cref="Replace"/>), takes a generation past it.
/// </remarks>
internal class GenerationCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null, Func<TValue, int>? weight = null)
    where TKey : notnull
{
    private readonly int _half = Math.Max(1, capacity / 2);
    private Dictionary<TKey, TValue> _young = new(comparer);
    private Dictionary<TKey, TValue> _old = new(comparer);
    private long _youngWeight;

    /// <summary>True and the value when <paramref name="key"/> is cached.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        if (_young.TryGetValue(key, out value!)) return true;
        if (!_old.Remove(key, out value!)) return false;
        Add(key, value);
        return true;
    }

    /// <summary>Caches a value in the young generation (out of the old one, if it was there).</summary>
    public void Add(TKey key, TValue value)
    {
        _old.Remove(key);
        if (_young.Remove(key, out var prior)) _youngWeight -= Weight(prior);
        int w = Weight(value);
        if (_young.Count > 0 && _youngWeight + w > _half)
        {
            _old = _young;
            _young = new(_old.Comparer);
            _youngWeight = 0;
        }
        _young[key] = value;
        _youngWeight += w;
    }

    /// <summary>True and the value when <paramref name="key"/> is cached; unlike <see cref="TryGet"/>, not a use.</summary>
    public bool TryPeek(TKey key, out TValue value) => _young.TryGetValue(key, out value!) || _old.TryGetValue(key, out value!);

    /// <summary>Replaces the value of a cached <paramref name="key"/> in its generation; nothing when it is not cached.</summary>
    public void Replace(TKey key, TValue value)
    {
        if (_young.TryGetValue(key, out var prior))
        {
            _young[key] = value;
            _youngWeight += Weight(value) - Weight(prior);
        }
        else if (_old.ContainsKey(key)) _old[key] = value;
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        _young.Clear();
        _old.Clear();
        _youngWeight = 0;
    }

    private int Weight(TValue value) => weight?.Invoke(value) ?? 1;
}
