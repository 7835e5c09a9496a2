namespace NewsNlp.Tokenization;

/// <summary>Binary search over tokens in text order.</summary>
internal static class TokenSearch
{
    /// <summary>The index of the first token that ends after <paramref name="offset"/> (the token containing or following it); <c>tokens.Length</c> when none.</summary>
    public static int FirstEndingAfter(ReadOnlySpan<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
