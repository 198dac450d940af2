namespace OnyxGen.Http;

/// <summary>Replaces known secret values (the API key, the credential values a request carried) in text.</summary>
internal static class Redactor
{
    public const string Mask = "***";

    public static string Redact(string text, string apiKey, IReadOnlyList<string>? secrets)
    {
        if (apiKey.Length > 0 && text.Contains(apiKey, StringComparison.Ordinal))
        {
            text = text.Replace(apiKey, Mask, StringComparison.Ordinal);
        }

        if (secrets is not null)
        {
            foreach (string secret in secrets)
            {
                // Short values ("true", "1") would blank out unrelated words; they are not secrets worth the noise.
                if (secret.Length >= 4 && text.Contains(secret, StringComparison.Ordinal))
                {
                    text = text.Replace(secret, Mask, StringComparison.Ordinal);
                }
            }
        }

        return text;
    }
}
