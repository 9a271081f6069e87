namespace Parley.Storage;

/// <summary>
/// A bounded cache that keeps what was used most recently: two generations of at most
/// <c>capacity / 2</c> entries each; when the young one is full the old one is dropped and the
/// young one becomes old, and an entry found in the old one moves back to the young one. Memory
/// never exceeds <c>capacity</c> entries, and no entry is in both generations.
/// </summary>
internal class GenerationCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly int _half = Math.Max(1, capacity / 2);
    private Dictionary<TKey, TValue> _young = new(comparer);
    private Dictionary<TKey, TValue> _old = new(comparer);

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
        if (_young.Count >= _half)
        {
            _old = _young;
            _young = new(_old.Comparer);
        }
        _young[key] = value;
    }

    /// <summary>True and the value when <paramref name="key"/> is cached; unlike <see cref="TryGet"/>, not a use.</summary>
    public bool TryPeek(TKey key, out TValue value) => _young.TryGetValue(key, out value!) || _old.TryGetValue(key, out value!);

    /// <summary>Replaces the value of a cached <paramref name="key"/> in its generation; nothing when it is not cached.</summary>
    public void Replace(TKey key, TValue value)
    {
        if (_young.ContainsKey(key)) _young[key] = value;
        else if (_old.ContainsKey(key)) _old[key] = value;
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        _young.Clear();
        _old.Clear();
    }
}
