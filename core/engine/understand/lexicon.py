"""Words the engine understands: normalisation, singular forms, entity and field names in EN and ES."""

from __future__ import annotations

import re
import unicodedata

from core.engine.understand.vocab import load

# English noun (singular, normalised) -> canonical PascalCase entity.
ENTITY_WORDS_EN: dict[str, str] = {
    "task": "Task", "todo": "Task", "project": "Project", "tag": "Tag", "label": "Tag", "comment": "Comment",
    "post": "Post", "article": "Post", "author": "Author", "category": "Category", "product": "Product",
    "customer": "Customer", "client": "Client", "order": "Order", "supplier": "Supplier",
    "vendor": "Supplier", "warehouse": "Warehouse", "booking": "Booking", "reservation": "Reservation",
    "room": "Room", "guest": "Guest", "service": "Service", "appointment": "Appointment",
    "patient": "Patient", "doctor": "Doctor", "book": "Book", "member": "Member", "loan": "Loan",
    "recipe": "Recipe", "ingredient": "Ingredient", "event": "Event", "attendee": "Attendee",
    "ticket": "Ticket", "agent": "Agent", "course": "Course", "lesson": "Lesson", "student": "Student",
    "teacher": "Teacher", "instructor": "Instructor", "enrollment": "Enrollment", "grade": "Grade",
    "invoice": "Invoice", "payment": "Payment", "expense": "Expense", "budget": "Budget",
    "income": "Income", "account": "Account", "contact": "Contact", "company": "Company", "deal": "Deal",
    "lead": "Lead", "note": "Note", "notebook": "Notebook", "property": "Property", "listing": "Property",
    "viewing": "Viewing", "job": "Job", "vacancy": "Job", "applicant": "Applicant", "application": "Application",
    "candidate": "Candidate", "employee": "Employee", "department": "Department",
    "attendance": "Attendance", "shift": "Shift", "vehicle": "Vehicle", "car": "Vehicle",
    "driver": "Driver", "trip": "Trip", "pet": "Pet", "owner": "Owner", "vaccination": "Vaccination",
    "visit": "Visit", "song": "Song", "track": "Song", "artist": "Artist", "album": "Album",
    "playlist": "Playlist", "movie": "Movie", "film": "Movie", "review": "Review", "destination": "Destination",
    "activity": "Activity", "donation": "Donation", "donor": "Donor", "campaign": "Campaign",
    "volunteer": "Volunteer", "workout": "Workout", "exercise": "Exercise", "meal": "Meal", "dish": "Dish",
    "vet": "Veterinarian", "poll": "Poll", "question": "Question", "vote": "Vote", "topic": "Topic", "thread": "Topic",
    "reply": "Reply", "user": "Member", "team": "Team", "milestone": "Milestone", "issue": "Issue",
    "bug": "Issue", "subscription": "Subscription", "plan": "Plan", "coupon": "Coupon",
    "purchase": "Purchase", "sale": "Sale", "transaction": "Transaction", "goal": "Goal", "habit": "Habit",
    "document": "Document", "folder": "Folder", "photo": "Photo", "asset": "Asset",
    "equipment": "Equipment", "trainer": "Trainer", "player": "Player", "match": "Match",
    "league": "League", "tournament": "Tournament", "venue": "Venue", "speaker": "Speaker",
    "sponsor": "Sponsor", "medication": "Medication", "medicine": "Medication", "pill": "Medication",
    "prescription": "Prescription", "route": "Route",
    "shipment": "Shipment", "delivery": "Delivery", "location": "Location", "store": "Store",
    "restaurant": "Restaurant", "hotel": "Hotel", "rental": "Rental", "bill": "Bill",
    "reminder": "Reminder", "contract": "Contract", "quote": "Quote", "message": "Message",
    "feedback": "Feedback", "survey": "Survey", "response": "Response", "genre": "Genre",
    "item": "Item", "employer": "Company", "supply": "Supply", "food": "Food", "entry": "Entry",
    "journal": "Journal", "calendar": "Calendar", "meeting": "Meeting", "profile": "Profile",
    "tenant": "Tenant", "lease": "Lease", "class": "ClassSession", "session": "Session", "menu": "MenuItem",
    "measurement": "Measurement", "group": "Group", "staff": "Employee", "worker": "Employee",
    "partner": "Partner", "menu item": "MenuItem", "order item": "OrderItem", "stock movement": "StockMovement",
    "leave request": "LeaveRequest", "table": "DiningTable", "invoice line": "InvoiceLine",
    "line item": "OrderItem", "playlist entry": "PlaylistEntry", "meal entry": "MealEntry",
    "volunteer shift": "Shift", "talk": "Talk", "episode": "Episode", "tutor": "Tutor", "sample": "Sample",
    "building": "Building", "maintenance": "Maintenance", "gym class": "GymClass", "fitness class": "GymClass",
    "yoga class": "GymClass",
}
# Spanish noun (singular, normalised) -> canonical PascalCase entity; the first one is the UI label.
ENTITY_WORDS_ES: dict[str, str] = {
    "tarea": "Task", "proyecto": "Project", "etiqueta": "Tag", "comentario": "Comment",
    "publicacion": "Post", "articulo": "Post", "autor": "Author", "categoria": "Category",
    "producto": "Product", "cliente": "Customer", "pedido": "Order", "orden": "Order",
    "proveedor": "Supplier", "almacen": "Warehouse", "reserva": "Reservation", "habitacion": "Room",
    "huesped": "Guest", "servicio": "Service", "cita": "Appointment", "paciente": "Patient",
    "medico": "Doctor", "doctora": "Doctor", "perro": "Dog", "perra": "Dog", "gato": "Cat", "gata": "Cat",
    "conejo": "Rabbit", "caballo": "Horse", "estilista": "Stylist", "peluquero": "Hairdresser",
    "peluquera": "Hairdresser", "fisioterapeuta": "Physiotherapist", "dentista": "Dentist", "abogado": "Lawyer",
    "abogada": "Lawyer", "electricista": "Electrician", "fontanero": "Plumber", "cocinero": "Chef",
    "psicologo": "Psychologist", "psicologa": "Psychologist", "fotografo": "Photographer", "terapeuta": "Therapist",
    "veterinaria": "Veterinarian", "libro": "Book", "miembro": "Member", "socio": "Member",
    "prestamo": "Loan", "receta": "Recipe", "ingrediente": "Ingredient", "evento": "Event",
    "asistente": "Attendee", "incidencia": "Incident", "reporte": "Report", "agente": "Agent", "curso": "Course",
    "leccion": "Lesson", "estudiante": "Student", "alumno": "Student", "alumna": "Student",
    "profesor": "Teacher", "profesora": "Teacher", "inscripcion": "Enrollment",
    "restaurante": "Restaurant", "sala": "Room", "noticia": "NewsItem", "lector": "Reader", "lectora": "Reader",
    "tablero": "Board", "tarjeta": "Card", "pista": "Court", "cancha": "Court", "idioma": "Language",
    "calificacion": "Grade", "factura": "Invoice", "pago": "Payment", "gasto": "Expense",
    "presupuesto": "Budget", "ingreso": "Income", "cuenta": "Account", "contacto": "Contact",
    "empresa": "Company", "oportunidad": "Deal", "nota": "Note", "libreta": "Notebook",
    "propiedad": "Property", "inmueble": "Property", "vivienda": "Property", "visita": "Visit",
    "empleo": "Job", "oferta": "Job", "vacante": "Job", "candidato": "Candidate", "solicitud": "Application",
    "postulacion": "Application", "empleado": "Employee", "empleada": "Employee",
    "trabajador": "Employee", "departamento": "Department", "asistencia": "Attendance", "operario": "Worker",
    "operaria": "Worker",
    "fichaje": "Attendance", "turno": "Shift", "vehiculo": "Vehicle", "coche": "Vehicle",
    "conductor": "Driver", "viaje": "Trip", "mascota": "Pet", "dueno": "Owner", "propietario": "Owner",
    "vacuna": "Vaccination", "cancion": "Song", "artista": "Artist", "disco": "Album",
    "pelicula": "Movie", "resena": "Review", "destino": "Destination",
    "actividad": "Activity", "donacion": "Donation", "donante": "Donor", "campana": "Campaign",
    "voluntario": "Volunteer", "entrenamiento": "Workout", "ejercicio": "Exercise", "comida": "Meal",
    "plato": "Dish", "mesa": "DiningTable", "encuesta": "Survey", "pregunta": "Question", "voto": "Vote",
    "hilo": "Thread", "tema": "Topic", "respuesta": "Reply", "usuario": "Member", "equipo": "Team",
    "hito": "Milestone", "suscripcion": "Subscription", "cupon": "Coupon", "compra": "Purchase",
    "venta": "Sale", "transaccion": "Transaction", "meta": "Goal", "objetivo": "Goal", "habito": "Habit",
    "documento": "Document", "carpeta": "Folder", "foto": "Photo", "entrenador": "Trainer",
    "jugador": "Player", "partido": "Match", "liga": "League", "torneo": "Tournament", "sede": "Venue",
    "ponente": "Speaker", "patrocinador": "Sponsor", "medicamento": "Medication", "ruta": "Route",
    "anunciante": "Advertiser", "envio": "Shipment", "entrega": "Delivery", "tienda": "Store", "alquiler": "Rental",
    "instrumento": "Instrument", "especialidad": "Specialty", "butaca": "Seat", "proyeccion": "Screening",
    "excursion": "Excursion", "repuesto": "Part", "refaccion": "Part", "dispositivo": "Device", "tutor": "Tutor",
    "guia": "Guide", "cronica": "TripReport", "salida": "Departure", "premio": "Award", "paquete": "Package",
    "opcion": "AnswerOption", "convocatoria": "ExamSession", "participante": "Participant",
    "material": "Equipment", "docente": "Teacher", "padre": "Parent", "madre": "Parent", "hijo": "Child",
    "nino": "Child", "familia": "Family", "doctor": "Doctor", "diagnostico": "Diagnosis", "video": "Video",
    "ejemplar": "Copy", "sucursal": "Branch", "pieza": "Part", "maquina": "Machine", "certificado": "Certificate",
    "habilidad": "Skill", "palabra": "Word", "cuaderno": "Notebook", "marcador": "Bookmark",
    "solicitante": "Applicant", "entrevista": "Interview", "puesto": "Position", "anuncio": "Listing",
    "album": "Album", "podcast": "Podcast", "seguidor": "Follower", "amigo": "Friend", "invitacion": "Invitation",
    "companero": "Colleague", "companera": "Colleague", "bailarin": "Dancer", "bailarina": "Dancer",
    "sabor": "Flavour", "tabla": "Board", "desparasitacion": "Deworming", "quedada": "Meetup", "ninera": "Babysitter",
    "ninero": "Babysitter", "lectura": "Reading", "contador": "Meter", "canguro": "Babysitter",
    "boda": "Wedding", "fiesta": "Party", "franja": "TimeSlot", "hueco": "TimeSlot", "bono": "Voucher",
    "descuento": "Discount", "prestamista": "Lender", "inversion": "Investment", "propuesta": "Proposal",
    "productor": "Producer", "productora": "Producer", "gafa": "Glasses", "gafas": "Glasses", "montura": "Frame",
    "lente": "Lens", "graduacion": "Prescription", "revision": "Checkup",
    "recordatorio": "Reminder", "contrato": "Contract", "mensaje": "Message", "genero": "Genre",
    "plan": "Plan", "reunion": "Meeting", "perfil": "Profile", "inquilino": "Tenant", "clase": "ClassSession",
    "grupo": "Group", "asignatura": "Subject", "materia": "Subject", "ubicacion": "Location",
    "episodio": "Episode", "invitado": "Guest", "sesion": "Session", "edificio": "Building", "auto": "Vehicle",
    "carro": "Vehicle", "muestra": "Sample", "mantenimiento": "MaintenanceRecord", "charla": "Talk", "tutora": "Tutor",
    "mueble": "Furniture",
    "columna": "BoardColumn", "vino": "Wine", "botella": "Bottle", "pastel": "Cake", "tarta": "Cake",
    "multa": "Fine", "sancion": "Fine", "aula": "Classroom", "jugadora": "Player",
    "entrenadora": "Trainer", "medica": "Doctor", "enfermero": "Nurse", "enfermera": "Nurse", "clinica": "Clinic",
    "tratamiento": "Treatment", "consulta": "Consultation", "pasajero": "Passenger", "pasajera": "Passenger",
    "repartidor": "Courier", "camion": "Truck", "examen": "Exam", "horario": "Schedule", "entrada": "Ticket",
    "boleto": "Ticket", "billete": "Ticket", "asiento": "Seat", "vuelo": "Flight", "deuda": "Debt", "cuota": "Fee",
    "instalacion": "Facility", "rutina": "Routine", "bebida": "Drink", "camarero": "Waiter", "camarera": "Waiter",
    "editorial": "Publisher", "biblioteca": "Library", "serie": "Series", "concierto": "Concert", "carrito": "Cart",
    "recibo": "Receipt", "nomina": "Payslip", "ausencia": "Absence", "queja": "Complaint", "reclamacion": "Complaint",
    "reparacion": "Repair", "averia": "Breakdown", "tecnico": "Technician", "tecnica": "Technician",
    "mecanico": "Mechanic", "taller": "Workshop", "vecino": "Neighbour", "vecina": "Neighbour", "refugio": "Shelter",
    "animal": "Animal", "adopcion": "Adoption", "veterinario": "Veterinarian", "cultivo": "Crop",
    "parcela": "Plot", "cosecha": "Harvest", "huerto": "Garden", "planta": "Plant", "conductora": "Driver",
    "obra": "Project", "instructor": "Instructor", "instructora": "Instructor", "monitor": "Instructor",
    "monitora": "Instructor", "medicina": "Medication", "sintoma": "Symptom", "hospital": "Hospital",
    "ponencia": "Talk", "club": "Club", "gimnasio": "Gym", "socia": "Member", "galeria": "Gallery",
    "votacion": "Poll", "opinion": "Review", "peticion": "Request", "asignacion": "Assignment", "trayecto": "Trip",
    "parada": "Stop", "estacion": "Station", "bicicleta": "Bike", "moto": "Motorbike", "piso": "Apartment",
    "apartamento": "Apartment", "casa": "House",
    "furgoneta": "Van", "camioneta": "Van", "jornada": "Matchday", "audicion": "Recital", "adoptante": "Adopter",
    "fisio": "Physiotherapist", "evolucion": "ProgressNote", "arbitro": "Referee", "arbitra": "Referee",
    "temporada": "Season", "gol": "Goal", "beca": "Scholarship", "ensayo": "Rehearsal", "actor": "Actor",
    "actriz": "Actor", "funcion": "Performance", "semilla": "Seed", "colmena": "Hive", "apicultor": "Beekeeper",
    "apicultora": "Beekeeper", "lote": "Batch", "caja": "Box", "cesta": "Basket", "suscriptor": "Subscriber",
    "suscriptora": "Subscriber", "signo": "Sign", "recogida": "Pickup", "poliza": "Policy", "siniestro": "Claim",
    "albaran": "DeliveryNote", "herramienta": "Tool", "junta": "Meeting", "acta": "Minutes", "aviso": "Notice",
    "beneficiario": "Beneficiary", "beneficiaria": "Beneficiary", "terapia": "Therapy", "informe": "Report",
    "comensal": "Diner", "alergeno": "Allergen", "bodega": "Winery", "cata": "Tasting", "modulo": "Module",
    "coro": "Choir", "cantante": "Singer", "musico": "Musician", "banda": "Band",
    "exposicion": "Exhibition", "cuadro": "Painting", "subasta": "Auction", "puja": "Bid", "comprador": "Buyer",
    "compradora": "Buyer", "vendedor": "Seller", "vendedora": "Seller", "conversacion": "Conversation",
    "expositor": "Exhibitor", "alojamiento": "Accommodation", "cabana": "Cabin", "barco": "Boat",
    "embarcacion": "Boat", "amarre": "Mooring", "patinete": "Scooter", "aparcamiento": "ParkingSpot",
    "trastero": "StorageUnit", "mudanza": "Move", "limpieza": "Cleaning", "cuidador": "Caregiver",
    "cuidadora": "Caregiver", "residente": "Resident", "medicacion": "Medication", "dosis": "Dose",
    "alergia": "Allergy", "paseo": "Walk", "paseador": "DogWalker", "paseadora": "DogWalker",
    "movimiento": "Transaction", "despensa": "Pantry", "voluntaria": "Volunteer", "alimento": "FoodItem",
    "espacio": "Space", "escritorio": "Desk", "asociado": "Member", "asociada": "Member", "afiliado": "Member",
    "afiliada": "Member", "campeonato": "Tournament", "delegado": "Delegate", "delegada": "Delegate",
    "capitan": "Captain", "calendario": "Calendar", "partitura": "SheetMusic",
    "goleador": "Player", "goleadora": "Player",
    "capitana": "Captain", "entreno": "TrainingSession", "pedagogo": "Teacher",
    "camino": "Trail", "sendero": "Trail", "socorrista": "Lifeguard", "piscina": "Pool", "carrera": "Race",
    "corredor": "Runner", "corredora": "Runner", "inscrito": "Registrant", "pareja": "Couple",
    "ronda": "Round", "partida": "Match", "abono": "Pass", "fruta": "Fruit", "verdura": "Vegetable",
    "hortaliza": "Vegetable", "educador": "Educator", "educadora": "Educator", "autobus": "Bus", "hotel": "Hotel",
    "ahorro": "Saving", "dieta": "Diet", "bebe": "Baby", "guarderia": "Nursery", "trimestre": "Term",
    "taquilla": "Locker", "cama": "Bed", "promocion": "Promotion", "archivo": "File", "valoracion": "Rating",
    "marca": "Brand", "cerveza": "Beer", "velero": "Sailboat", "oficina": "Office", "inspeccion": "Inspection",
    "sugerencia": "Suggestion", "deberes": "Homework", "evaluacion": "Assessment", "poni": "Pony", "vaca": "Cow",
    "oveja": "Sheep", "gallina": "Hen", "clienta": "Customer", "cocinera": "Chef",
    "racion": "Portion", "queso": "Cheese", "carne": "Meat", "atleta": "Athlete", "competicion": "Competition",
    "catequista": "Catechist", "cromo": "Sticker", "reparto": "Delivery", "coreografia": "Choreography",
    "profe": "Teacher", "peli": "Movie", "variedad": "Variety", "bancal": "Bed", "barrio": "Neighbourhood",
    "prenda": "Garment", "armario": "Wardrobe", "amiga": "Friend", "juguete": "Toy", "sello": "Stamp",
    "moneda": "Coin", "vinilo": "Vinyl", "comic": "Comic", "recorrido": "Route",
    "tesis": "Thesis", "balsa": "Pond", "estanque": "Pond", "concesion": "Concession", "sepultura": "Grave",
    "llamado": "Call", "gremio": "Contractor", "pena": "Club", "acto": "Event", "avance": "ProgressReport",
    "mantencion": "MaintenanceRecord", "vigilador": "Guard", "vigilante": "Guard",
    "enigma": "Puzzle", "acertijo": "Puzzle", "canto": "Song", "misa": "Mass", "dormitorio": "Bedroom",
    "litera": "Bed", "patin": "Skate", "bungalo": "Bungalow",
}
ENTITY_WORDS: dict[str, str] = {**ENTITY_WORDS_EN, **ENTITY_WORDS_ES}

# Spanish (normalised) field words -> English snake_case identifiers.
FIELD_WORDS_ES: dict[str, str] = {**load("spanish")["fields"], **{
    "desnivel": "elevation_gain_metres", "distancia": "distance_km", "senal": "deposit", "fianza": "deposit",
    "disponibilidad": "availability", "anada": "vintage", "observaciones": "notes", "repeticion": "reps",
    "observacion": "notes", "resultado": "result", "dificultad": "difficulty", "aforo": "capacity",
    "variedad": "variety", "talla": "size", "notas de cata": "tasting_notes", "plazas limitadas": "seats",
    "nombre": "name", "precio": "price", "stock": "stock", "existencias": "stock", "fecha": "date",
    "descripcion": "description", "cantidad": "quantity", "correo": "email", "correo electronico": "email",
    "email": "email", "telefono": "phone", "titulo": "title", "estado": "status", "estatus": "status",
    "prioridad": "priority",
    "direccion": "address", "ciudad": "city", "pais": "country", "apellido": "last_name",
    "apellidos": "last_name", "notas": "notes", "nota": "notes", "contenido": "content", "autor": "author",
    "fecha de entrega": "due_date", "fecha limite": "due_date",
    "fechas limite": "due_date", "fecha de vencimiento": "due_date",
    "vencimiento": "due_date", "fecha de nacimiento": "birthday", "cumpleanos": "birthday", "total": "total",
    "importe": "amount", "monto": "amount", "salario": "salary", "sueldo": "salary", "puntuacion": "rating",
    "valoracion": "rating", "imagen": "image_url", "url": "url", "sitio web": "website", "web": "website",
    "enlace": "link", "activo": "active", "activa": "active", "completada": "completed",
    "completado": "completed", "hecho": "done", "capacidad": "capacity", "duracion": "duration_minutes",
    "hora": "time", "edad": "age", "peso": "weight", "altura": "height", "color": "color", "litros": "litres",
    "codigo": "code", "isbn": "isbn", "sku": "sku", "marca": "brand", "modelo": "vehicle_model",
    "matricula": "plate", "dorsal": "shirt_number", "kilometros": "distance_km",
    "punto de encuentro": "meeting_point", "punto de salida": "meeting_point", "punto": "point", "puntos": "points",
    "kilometraje": "mileage", "raza": "breed", "especie": "species",
    "especialidad": "specialty", "motivo": "reason", "diagnostico": "diagnosis", "coste": "cost",
    "costo": "cost", "cargo": "position", "puesto": "position", "departamento": "department",
    "ubicacion": "location", "lugar": "location", "plazas": "seats", "asientos": "seats",
    "habitaciones": "bedrooms", "banos": "bathrooms", "superficie": "area_sqm", "metros": "area_sqm",
    "anio": "year", "ano": "year", "genero": "genre", "director": "director", "sinopsis": "synopsis",
    "calorias": "calories", "porciones": "servings", "raciones": "servings", "instrucciones": "instructions",
    "tiempo": "minutes", "minutos": "minutes", "horas": "hours", "cuerpo": "body", "resumen": "summary",
    "categoria": "category", "tipo": "kind", "nivel": "level", "etiquetas": "tags", "empresa": "company",
    "mensaje": "message", "asunto": "subject", "respuesta": "answer", "pregunta": "question",
    "entrada": "clock_in", "salida": "clock_out", "hora de entrada": "clock_in",
    "hora de salida": "clock_out", "publicado": "published", "publicada": "published",
    "disponible": "available", "pagado": "paid", "pagada": "paid", "metodo de pago": "payment_method",
    "inicio": "start_date", "fin": "end_date", "fecha de inicio": "start_date", "fecha de fin": "end_date",
    "biografia": "bio", "foto": "photo_url", "dni": "national_id", "nif": "tax_id", "iva": "tax_rate",
    "descuento": "discount", "unidades": "quantity", "rol": "role", "usuario": "username",
    "contrasena": "secret_hint", "objetivo": "goal", "meta": "goal", "progreso": "progress",
    "valor": "value", "trimestre": "term", "horario": "schedule", "numero de personas": "party_size",
    "personas": "party_size", "comensales": "party_size", "fecha de publicacion": "publish_date",
    "tarifa": "rate", "cuota": "fee", "hora de inicio": "start_time",
    "hora de fin": "end_time", "numero": "number", "numero de plazas": "seats", "eslora": "length_m",
    "fechas": "dates", "numero de asientos": "seats", "numero de habitaciones": "bedrooms",
}}

# Spanish unit after "por" in a field phrase ('precio por día') -> English word of the identifier (price_per_day).
PER_UNITS_ES: dict[str, str] = {
    "dia": "day", "noche": "night", "hora": "hour", "semana": "week", "mes": "month", "ano": "year",
    "persona": "person", "unidad": "unit", "kilo": "kg", "kg": "kg", "litro": "litre", "metro": "metre",
    "km": "km", "minuto": "minute",
}

# English identifier word -> Spanish display word (labels of generated apps in Spanish).
LABELS_ES: dict[str, str] = {v: k for k, v in FIELD_WORDS_ES.items() if " " not in k}
LABELS_ES.update({
    "name": "nombre", "date": "fecha", "notes": "notas", "due": "entrega", "first": "nombre",
    "last": "apellido", "id": "id", "at": "fecha", "unit": "unidad", "per": "por", "night": "noche",
    "number": "número", "kind": "tipo", "description": "descripción", "phone": "teléfono",
    "title": "título", "address": "dirección", "price": "precio", "quantity": "cantidad", "stock": "stock",
    "email": "correo", "status": "estado", "priority": "prioridad", "minutes": "minutos", "hours": "horas",
    "started": "inicio", "starts": "inicio", "ends": "fin", "start": "inicio", "end": "fin",
    "issue": "emisión", "published": "publicado", "year": "año", "rating": "valoración",
    "amount": "importe", "total": "total", "method": "método", "payment": "pago", "paid": "pagado",
    "day": "día", "hour": "hora", "week": "semana", "month": "mes", "person": "persona", "minute": "minuto",
    "litre": "litro", "metre": "metro", "order": "pedido", "visit": "visita", "loan": "préstamo",
    "hire": "contratación", "joined": "alta", "license": "licencia", "copies": "ejemplares", "returned": "devuelto",
    "first_name": "nombre", "last_name": "apellidos", "published_year": "año de publicación",
    "unit_price": "precio unitario", "paid_date": "fecha de pago",
})

# Canonical entity -> Spanish plural label for generated UIs.
ENTITY_LABELS_ES: dict[str, str] = {}
for _es, _en in ENTITY_WORDS_ES.items():
    ENTITY_LABELS_ES.setdefault(_en, _es)
ENTITY_LABELS_ES.update({"Customer": "cliente", "Client": "cliente", "Member": "miembro", "Order": "pedido",
                         "Category": "categoría", "OrderItem": "línea de pedido", "Post": "publicación",
                         "Invoice": "factura", "InvoiceLine": "línea de factura", "Reservation": "reserva",
                         "Application": "solicitud", "Vehicle": "vehículo", "Article": "artículo",
                         "ClassSession": "clase", "GymClass": "clase", "SchoolClass": "clase",
                         "Session": "sesión", "Location": "ubicación", "Episode": "episodio", "Tutor": "tutor",
                         "Instructor": "instructor", "Booking": "reserva", "LeaveRequest": "solicitud de ausencia",
                         "Maintenance": "mantenimiento"})

# Accent-stripped lexicon words -> their written form, for labels.
_ACCENTED = {
    "banos": "baños", "biografia": "biografía", "calorias": "calorías", "categoria": "categoría",
    "codigo": "código", "contrasena": "contraseña", "cumpleanos": "cumpleaños", "diagnostico": "diagnóstico",
    "duracion": "duración", "genero": "género", "matricula": "matrícula", "pais": "país", "almacen": "almacén",
    "calificacion": "calificación", "campana": "campaña", "cancion": "canción", "cupon": "cupón",
    "donacion": "donación", "dueno": "dueño", "envio": "envío", "habitacion": "habitación", "habito": "hábito",
    "huesped": "huésped", "inscripcion": "inscripción", "leccion": "lección", "medico": "médico",
    "pelicula": "película", "prestamo": "préstamo", "resena": "reseña", "reunion": "reunión",
    "suscripcion": "suscripción", "transaccion": "transacción", "audicion": "audición", "evolucion": "evolución",
    "arbitro": "árbitro", "poliza": "póliza", "albaran": "albarán", "alergeno": "alérgeno", "modulo": "módulo",
    "musico": "músico", "exposicion": "exposición", "conversacion": "conversación", "embarcacion": "embarcación",
    "cabana": "cabaña", "medicacion": "medicación", "capitan": "capitán",
}
for _labels in (LABELS_ES, ENTITY_LABELS_ES):
    for _key, _word in _labels.items():
        _labels[_key] = " ".join(_ACCENTED.get(w, w) for w in _word.split(" "))

_ES_MARKERS = {
    "una", "unos", "unas", "quiero", "necesito", "con", "para", "gestionar", "que", "los", "las", "del",
    "aplicacion", "crea", "crear", "haz", "hazme", "sistema", "tienda", "donde", "cada", "pueden", "tiene",
    "tienen", "y", "el", "la", "de", "gestion", "app", "tareas", "clientes", "productos", "fondo", "botones",
}
_EN_MARKERS = {"the", "with", "and", "for", "where", "each", "can", "have", "has", "app", "manage", "an", "of"}


def normalise(text: str) -> str:
    """Lowercase, strip accents (ñ -> n), collapse whitespace."""
    nfkd = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(c for c in nfkd if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", ascii_text).strip()


def words(text: str) -> list[str]:
    """Normalised word tokens."""
    return re.findall(r"[a-z0-9_]+", normalise(text))


def detect_language(text: str) -> str:
    """'es' when Spanish function words dominate, else 'en'."""
    toks = words(text)
    es = sum(1 for t in toks if t in _ES_MARKERS and t not in {"app"})
    en = sum(1 for t in toks if t in _EN_MARKERS and t not in {"app"})
    accents = len(re.findall(r"[áéíóúñ¿¡]", text.lower()))
    endings = sum(1 for t in toks if len(t) > 5 and t.endswith(("amos", "emos", "imos", "cion", "ciones")))
    spanish = es + accents + endings
    return "es" if spanish > en + 1 or not en and spanish else "en"


def singular_candidates(word: str) -> list[str]:
    """Possible singular forms of an English or Spanish plural, most likely first."""
    w = word
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("ces") and len(w) > 4:
        out.append(w[:-3] + "z")
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        out.append(w[:-2])
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-1])
        out.append(w[:-2])
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 2:
        out.append(w[:-1])
    return list(dict.fromkeys(out))


def entity_for(word: str) -> str | None:
    """Canonical entity for a (possibly plural) normalised noun or two-word phrase, if known."""
    if " " in word:
        head, _, last = word.rpartition(" ")
        for cand in singular_candidates(last):
            if f"{head.split()[-1]} {cand}" in ENTITY_WORDS:
                return ENTITY_WORDS[f"{head.split()[-1]} {cand}"]
        word = last
    for cand in singular_candidates(word):
        if cand in ENTITY_WORDS:
            return ENTITY_WORDS[cand]
    return None


def singular(word: str) -> str:
    """Best-effort singular of an unknown noun."""
    cands = singular_candidates(word)
    if word.endswith(("ies",)):
        return cands[1]
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and len(cands) > 1:
        return cands[1] if not word.endswith("es") else word[:-1]
    return word


def pascal(text: str) -> str:
    """Words -> PascalCase ascii identifier (letters and digits only)."""
    parts = re.findall(r"[a-z0-9]+", normalise(text))
    name = "".join(p.capitalize() for p in parts)
    if not name or not name[0].isalpha():
        name = "Item" + name
    return name[:40]


def ident(text: str) -> str:
    """Words -> snake_case ascii identifier."""
    parts = re.findall(r"[a-z0-9]+", normalise(text))
    name = "_".join(parts)[:40].strip("_")
    if not name or not name[0].isalpha():
        name = "field_" + name
    return name[:40]
