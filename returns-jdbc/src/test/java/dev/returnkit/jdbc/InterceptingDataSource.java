package dev.returnkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections and prepared statements report every call to
 * {@link #before} first: for tests that watch or sabotage what the adapter does.
 */
abstract class InterceptingDataSource implements DataSource {

  private final DataSource target;

  InterceptingDataSource(DataSource target) {
    this.target = target;
  }

  /**
   * Called before each call on a connection or prepared statement.
   *
   * @param connection the real connection the call belongs to
   * @param sql the statement's SQL, or null for a call on the connection
   * @param method the method called
   * @param arguments its arguments (may be null)
   * @throws SQLException to make the call fail
   */
  abstract void before(Connection connection, String sql, Method method, Object[] arguments)
      throws SQLException;

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = target.getConnection();
    return (Connection) proxy(Connection.class, connection, connection, null);
  }

  private Object proxy(Class<?> type, Object real, Connection connection, String sql) {
    InvocationHandler handler = (self, method, arguments) -> {
      before(connection, sql, method, arguments);
      try {
        Object result = method.invoke(real, arguments);
        if (result instanceof PreparedStatement statement && sql == null) {
          return proxy(PreparedStatement.class, statement, connection, (String) arguments[0]);
        }
        return result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLException("not used by returns-jdbc");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
