line one
line two ${book.title}
line three ${book.subtitle}
