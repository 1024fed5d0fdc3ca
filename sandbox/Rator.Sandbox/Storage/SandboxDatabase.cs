using Microsoft.Data.Sqlite;

namespace Rator.Sandbox.Storage;

/// <summary>
/// The host's SQLite database. In memory it is a named shared-cache database, unique per host and kept
/// alive by one connection; with a file it uses WAL and a busy timeout, so QA can edit rows with any
/// SQLite tool while the sandbox runs. All work goes through one connection behind an async gate: the
/// sandbox's statements take microseconds, and serialising them rules out SQLITE_BUSY/LOCKED under load.
/// </summary>
internal sealed class SandboxDatabase : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);

    private SandboxDatabase(SqliteConnection connection, string description)
    {
        this.connection = connection;
        Description = description;
    }

    /// <summary>For messages: "in-memory" or the file path.</summary>
    public string Description { get; }

    public static SandboxDatabase Open(string? path)
    {
        var builder = new SqliteConnectionStringBuilder();
        string description;
        if (path is null)
        {
            builder.DataSource = "rator-sandbox-" + Guid.NewGuid().ToString("N");
            builder.Mode = SqliteOpenMode.Memory;
            builder.Cache = SqliteCacheMode.Shared;
            description = "in-memory";
        }
        else
        {
            var full = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(full);
            if (folder is not null && !Directory.Exists(folder))
                throw new SandboxConfigurationException($"The database folder '{folder}' does not exist.");
            builder.DataSource = full;
            builder.Mode = SqliteOpenMode.ReadWriteCreate;
            builder.Pooling = false; // the file must be released when the host stops
            description = full;
        }
        builder.DefaultTimeout = 30;

        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = path is null
                ? "PRAGMA foreign_keys = ON;"
                : "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
            pragma.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new SandboxConfigurationException($"Cannot open the database '{description}': {e.Message}", e);
        }
        return new SandboxDatabase(connection, description);
    }

    /// <summary>Runs work alone on the connection.</summary>
    public async Task<T> RunAsync<T>(Func<DbSession, T> work, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return work(new DbSession(connection, null));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs work alone and atomically: a read-check-write sequence (a refresh) cannot interleave.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbSession, T> work, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var tx = connection.BeginTransaction();
            var result = work(new DbSession(connection, tx));
            tx.Commit();
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
