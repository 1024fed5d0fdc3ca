using Microsoft.Data.Sqlite;

namespace Rator.Sandbox.Storage;

/// <summary>
/// The connection plus the transaction in progress (Microsoft.Data.Sqlite requires every command of a
/// transaction to name it), with helpers so the stores read as SQL plus parameters.
/// </summary>
internal sealed class DbSession(SqliteConnection connection, SqliteTransaction? transaction)
{
    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}

internal static class DataReaderExtensions
{
    public static string? NullableString(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static long? NullableInt64(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
