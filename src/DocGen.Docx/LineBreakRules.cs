namespace DocGen.Docx;

/// <summary>
/// GB/T 15834—2011 §5.1 line-breaking (禁则) as character sets for Word's custom kinsoku lists
/// (settings.xml w:noLineBreaksBefore / w:noLineBreaksAfter). The sets are LibreOffice's zh_CN locale data, a practical
/// superset of the standard's list (forms-and-typography.md d.10).
/// </summary>
internal static class LineBreakRules
{
    /// <summary>Characters that must not start a line: closing brackets and quotes, sentence and pause marks, connectors.</summary>
    public const string NotAtLineStart =
        ":!),.:;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―--′’”";

    /// <summary>Characters that must not end a line: opening brackets, quotes and 书名号, currency signs.</summary>
    public const string NotAtLineEnd =
        "([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝（｛“‘";
}
