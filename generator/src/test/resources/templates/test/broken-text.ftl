${javaString(book.broken)}
