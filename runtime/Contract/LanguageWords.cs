namespace AstDsl.Contract;

/// <summary>
/// The word the language uses for each enum member: the member name in lower case (<c>ImageNet</c> is
/// <c>imagenet</c>, <c>MultiStep</c> is <c>multistep</c>). One rule, so option lists, parsing, YAML and generated code
/// cannot disagree, and an unknown word is an error rather than a silent default.
/// </summary>
public static class LanguageWords
{
    /// <summary>The language word of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>Every word of <typeparamref name="T"/>, in declaration order.</summary>
    public static string[] All<T>() where T : struct, Enum => Enum.GetValues(typeof(T)).Cast<T>().Select(Of).ToArray();

    /// <summary>The member whose word is <paramref name="word"/>.</summary>
    /// <exception cref="ArgumentException">No member has that word (the checker admits only listed words).</exception>
    public static T Parse<T>(string word) where T : struct, Enum =>
        Enum.GetValues(typeof(T)).Cast<T>().Where(value => Of(value) == word).Select(value => (T?)value).FirstOrDefault()
        ?? throw new ArgumentException($"'{word}' is not one of {string.Join(", ", All<T>())}", nameof(word));
}
