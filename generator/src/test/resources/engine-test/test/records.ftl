<#-- A record with a list of records, every model string escaped for where it lands. -->
/**
 * ${javadoc(book.description)}
 */
final class ${book.className} {
  static final String TITLE = ${javaString(book.title)};
  static final int PAGES = ${book.pages};
<#list book.authors as author>
  // author ${author?counter}: ${jsonString(author.name)}
</#list>
}
# ${yamlString(book.title)} ${graphqlString(book.title)} ${jsString(book.title)}
