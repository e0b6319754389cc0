ok
  ${javaString(book.pages)}
