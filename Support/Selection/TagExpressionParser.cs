using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.Support.Selection;

/// <summary>Recursive descent over: or-expr := and-expr ("or" and-expr)*; and-expr := unary ("and" unary)*; unary := "not" unary | "(" or-expr ")" | @tag.</summary>
internal sealed partial class TagExpressionParser(string text)
{
    private readonly List<string> _tokens = Tokenize(text);
    private int _position;

    public TagExpression ParseAll()
    {
        if (_tokens.Count == 0)
            throw new TagExpressionException("The tag expression is empty.");
        var expression = ParseOr();
        if (_position < _tokens.Count)
            throw new TagExpressionException($"Unexpected '{_tokens[_position]}' in tag expression '{text}'.");
        return expression;
    }

    private TagExpression ParseOr()
    {
        var left = ParseAnd();
        while (Accept("or"))
            left = new TagExpression.Or(left, ParseAnd());
        return left;
    }

    private TagExpression ParseAnd()
    {
        var left = ParseUnary();
        while (Accept("and"))
            left = new TagExpression.And(left, ParseUnary());
        return left;
    }

    private TagExpression ParseUnary()
    {
        if (Accept("not"))
            return new TagExpression.Not(ParseUnary());
        if (Accept("("))
        {
            var inner = ParseOr();
            if (!Accept(")"))
                throw new TagExpressionException($"Missing ')' in tag expression '{text}'.");
            return inner;
        }
        if (_position >= _tokens.Count)
            throw new TagExpressionException($"Tag expression '{text}' ends where a tag was expected.");
        var token = _tokens[_position++];
        if (!TagPattern().IsMatch(token))
            throw new TagExpressionException($"'{token}' is not a tag (tags start with @ and hold letters, digits, '-', '_' or '.') in '{text}'.");
        return new TagExpression.Tag(token[1..]);
    }

    private bool Accept(string token)
    {
        if (_position < _tokens.Count && _tokens[_position].Equals(token, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }
        return false;
    }

    private static List<string> Tokenize(string text) =>
        TokenPattern().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\(|\)|[^\s()]+")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^@[A-Za-z0-9_.\-]+$")]
    private static partial Regex TagPattern();
}

public sealed class TagExpressionException(string message) : Exception(message);
