"""The domains the offline engine knows, as compact data.

Each entity line reads `Name: field, optional?, unique!, kind=a|b|c, field:type, >Parent, >OptionalParent?`.
Field types not written are inferred from the field name (see fields.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.engine.understand.fields import infer_field
from core.spec import EntitySpec, FieldSpec, RelationSpec


@dataclass(frozen=True)
class Domain:
    """One kind of data app: how to recognise it and what it is made of."""

    key: str
    title_en: str
    title_es: str
    triggers: str  # space-separated words; '+' joins a multi-word phrase
    entities: str
    features: tuple[str, ...] = ()


DOMAINS: tuple[Domain, ...] = (
    Domain("tasks", "Task Manager", "Gestor de tareas",
           "task tasks todo todos to+do to-do checklist kanban tarea tareas pendientes quehaceres",
           """Project: name, description?
Task: title, description?, status=todo|in_progress|done, due_date?, >Project?"""),
    Domain("blog", "Blog", "Blog",
           "blog blogs post posts article articles blogging publicaciones articulos entradas bitacora",
           """Author: name, email!, bio?
Category: name!
Post: title, slug!, body, published, published_at:datetime?, >Author, >Category?
Comment: author_name, content, >Post"""),
    Domain("shop", "Online Shop", "Tienda online",
           "shop store e-commerce ecommerce online+store webshop products cart catalog catalogue storefront "
           "tienda tiendas productos carrito comercio venta ventas merchandise sell selling",
           """Category: name!, description?
Product: name, description?, price, stock, sku!?, image_url?, active, >Category?
Customer: name, email!, phone?, address?
Order: order_date, status=pending|paid|shipped|delivered|cancelled, total, >Customer
OrderItem: quantity, unit_price, >Order, >Product""", ("payments",)),
    Domain("crm", "CRM", "CRM",
           "crm sales+pipeline leads deals prospects customer+relationship pipeline clientes+potenciales "
           "oportunidades embudo",
           """Company: name, industry?, website?, phone?
Contact: first_name, last_name, email!, phone?, >Company?
Deal: title, amount, stage=lead|qualified|proposal|won|lost, close_date?, >Contact
Activity: kind=call|email|meeting|task, notes, due_date?, done, >Contact""", ("dashboard",)),
    Domain("inventory", "Inventory", "Inventario",
           "inventory stock warehouse warehouses suppliers supplies stockroom inventario almacen almacenes "
           "existencias proveedores",
           """Supplier: name, email?, phone?
Warehouse: name, location?
Item: name, sku!, quantity, unit_cost, reorder_level, >Supplier?, >Warehouse?
StockMovement: kind=in|out|adjustment, quantity, moved_at, notes?, >Item""", ("dashboard",)),
    Domain("booking", "Bookings", "Reservas",
           "booking bookings appointment appointments reservation reservations schedule+appointments salon "
           "barber barbershop spa citas cita reservas peluqueria agendar turnos",
           """Service: name, description?, duration_minutes, price
Customer: name, email, phone?
Booking: starts_at, status=pending|confirmed|cancelled, notes?, >Customer, >Service"""),
    Domain("library", "Library", "Biblioteca",
           "library libraries books borrow borrowing lend lending loans librarian biblioteca bibliotecas "
           "libros prestamos prestamo prestar",
           """Author: name, bio?
Book: title, isbn!?, published_year?, copies, >Author?
Member: name, email!, phone?, joined_date?
Loan: loan_date, due_date, returned, >Book, >Member"""),
    Domain("recipes", "Recipes", "Recetas",
           "recipe recipes cooking cookbook ingredients kitchen receta recetas cocina ingredientes recetario",
           """Category: name!
Recipe: title, description?, instructions, prep_minutes, servings, rating?, >Category?
Ingredient: name, amount_text:string?, >Recipe"""),
    Domain("events", "Events", "Eventos",
           "event events conference conferences meetup meetups tickets+for attendees rsvp venue evento "
           "eventos conferencia congreso asistentes theatre theater concert concerts gigs ticketing teatro "
           "conciertos",
           """Venue: name, address?, capacity
Event: title, description?, starts_at, ends_at?, price?, >Venue?
Attendee: name, email, ticket_type=general|vip|student, >Event
Ticket: price?, seat_label:string?, status=reserved|paid|used|cancelled, >Event?"""),
    Domain("helpdesk", "Helpdesk", "Soporte",
           "helpdesk help+desk support+tickets support tickets ticket incidents soporte "
           "incidencias tiquets",
           """Agent: name, email!
Ticket: subject, description, status=open|in_progress|resolved|closed,
    priority=low|medium|high|urgent, requester_email, >Agent?
Reply: body, author_name, >Ticket"""),
    Domain("courses", "Courses", "Cursos",
           "course courses lms e-learning elearning online+learning lessons academy cursos lecciones "
           "academia formacion",
           """Instructor: name, email!, bio?
Course: title, description?, level=beginner|intermediate|advanced, price, published, >Instructor?
Lesson: title, content, position:int, duration_minutes?, >Course
Student: name, email!
Enrollment: progress, completed, >Student, >Course"""),
    Domain("invoices", "Invoicing", "Facturación",
           "invoice invoices invoicing billing bills factura facturas facturacion cobros",
           """Client: name, email, address?, tax_id?
Invoice: number_code:string!, issue_date, due_date, status=draft|sent|paid|overdue, total, notes?, >Client
InvoiceLine: description:string, quantity, unit_price, >Invoice
Payment: amount, paid_date, method=card|transfer|cash, >Invoice""", ("payments",)),
    Domain("clinic", "Clinic", "Clínica",
           "clinic clinics patient patients doctor doctors medical hospital dentist dental clinica "
           "pacientes medicos consultorio hospital",
           """Doctor: name, specialty, email?, phone?
Patient: first_name, last_name, birthday, email?, phone?
Appointment: starts_at, reason, status=scheduled|completed|cancelled, notes?, >Patient, >Doctor"""),
    Domain("realestate", "Real Estate", "Inmobiliaria",
           "real+estate realestate property properties realtor listings apartments houses rentals "
           "inmobiliaria inmuebles propiedades pisos viviendas alquileres",
           """Agent: name, email, phone?
Property: title, address, city, price, bedrooms, bathrooms, area_sqm,
    kind=house|apartment|land|office, status=for_sale|for_rent|sold|rented, >Agent?
Viewing: visitor_name, visitor_email:email, scheduled_at, notes?, >Property"""),
    Domain("jobs", "Job Board", "Bolsa de empleo",
           "job+board job+listings job+postings job+offers hiring recruiting recruitment vacancies applicants "
           "candidates careers "
           "empleo empleos vacantes ofertas+de+trabajo candidatos reclutamiento",
           """Company: name, website?, description?
Job: title, description, location, salary?,
    employment_type=full_time|part_time|contract|internship, active, >Company
Application: applicant_name, email, resume_url?, cover_letter?,
    status=submitted|reviewing|interview|offer|rejected, >Job"""),
    Domain("forum", "Forum", "Foro",
           "forum forums discussion discussions community threads foro foros debate comunidad hilos",
           """Category: name!, description?
Topic: title, body, author_name, pinned, >Category
Reply: author_name, body, >Topic"""),
    Domain("polls", "Polls", "Encuestas",
           "poll polls voting vote votes survey surveys questionnaire encuesta encuestas votacion votos",
           """Poll: question, description?, active, closes_at?
Choice: label, >Poll
Vote: voter_email:email, >Choice"""),
    Domain("expenses", "Expense Tracker", "Control de gastos",
           "expense expenses spending receipts gastos gasto recibos reimbursement",
           """Category: name!, monthly_budget?
Expense: title, amount, spent_date, payment_method=cash|card|transfer, notes?, >Category?
Income: source, amount, received_date""", ("dashboard",)),
    Domain("finance", "Budget Planner", "Finanzas personales",
           "budget budgets budgeting finance finances personal+finance cash+flow cashflow money "
           "transactions accounts bank "
           "presupuesto presupuestos finanzas dinero transacciones cuentas banco ahorro savings",
           """Account: name, kind=checking|savings|credit|cash, balance
Category: name!, monthly_limit?
Transaction: title, amount, kind=income|expense, transaction_date, notes?, >Account, >Category?""",
           ("dashboard",)),
    Domain("fitness", "Fitness Tracker", "Gimnasio",
           "gym fitness workout workouts exercise exercises training trainer gimnasio entrenamiento "
           "entrenamientos ejercicios entrenador",
           """Member: name, email!, phone?, membership=basic|premium|vip
Trainer: name, specialty?
Workout: title, workout_date, duration_minutes, calories, notes?, >Member, >Trainer?
Exercise: name, sets, reps, weight_kg, >Workout"""),
    Domain("restaurant", "Restaurant", "Restaurante",
           "restaurant restaurants menu dishes cafe bistro takeaway food+orders restaurante "
           "restaurantes carta platos comandas cafeteria",
           """Category: name!
MenuItem: name, description?, price, available, >Category?
DiningTable: table_number:int!, seats
Order: customer_name, status=received|preparing|served|paid, total, >DiningTable?
OrderItem: quantity, notes?, >Order, >MenuItem"""),
    Domain("hotel", "Hotel", "Hotel",
           "hotel hotels hostel rooms guests lodging guesthouse hotel+rooms hoteles habitaciones huespedes "
           "hostal alojamiento",
           """Room: room_number:string!, kind=single|double|suite, price_per_night, capacity, available
Guest: name, email, phone?
Reservation: check_in, check_out, guests, status=booked|checked_in|checked_out|cancelled, >Room, >Guest"""),
    Domain("school", "School", "Escuela",
           "school schools students student grades classroom teachers pupils gradebook escuela colegio "
           "alumnos estudiantes calificaciones profesores instituto",
           """Teacher: name, email!, subject_area?
Student: first_name, last_name, email?, birthday?
Subject: name, code!, >Teacher?
Grade: score, term, >Student, >Subject"""),
    Domain("notes", "Notes", "Notas",
           "note notes notebook notebooks journal diary notetaking apuntes notas libreta diario",
           """Notebook: name
Note: title, content, pinned, >Notebook?
Tag: name!"""),
    Domain("contacts", "Address Book", "Agenda de contactos",
           "contacts contact+list address+book addressbook phonebook agenda contactos libreta+de+direcciones",
           """Group: name!
Contact: first_name, last_name?, email?, phone?, address?, birthday?, company?, notes?, >Group?"""),
    Domain("projects", "Project Management", "Gestión de proyectos",
           "project+management projects milestones sprints team+tasks proyectos gestion+de+proyectos hitos",
           """Project: name, description?, status=planning|active|on_hold|completed, start_date?, end_date?, budget?
Member: name, email!, role?
Milestone: title, due_date, completed, >Project
Task: title, status=todo|in_progress|done, priority=low|medium|high, due_date?,
    estimate_hours?, >Project, >Member?""",
           ("dashboard",)),
    Domain("hr", "HR & Attendance", "Recursos humanos",
           "hr human+resources employees employee staff clock-in clock+in timesheet payroll "
           "leave empleados personal recursos+humanos fichaje fichajes nomina plantilla",
           """Department: name!
Employee: first_name, last_name, email!, position, salary, hire_date, active, >Department?
Attendance: clock_in, clock_out?, notes?, >Employee
LeaveRequest: start_date, end_date, kind=vacation|sick|personal,
    status=pending|approved|rejected, >Employee"""),
    Domain("fleet", "Fleet Manager", "Gestión de flota",
           "fleet vehicles vehicle cars trucks drivers transport transportation logistics flota vehiculos "
           "coches conductores camiones transporte",
           """Driver: name, license_number!, phone?
Vehicle: plate!, make, vehicle_model, year, mileage, status=available|in_use|maintenance, >Driver?
Trip: origin, destination, started_at, distance_km, >Vehicle, >Driver?
Maintenance: title, service_date, cost, >Vehicle"""),
    Domain("vet", "Veterinary Clinic", "Veterinaria",
           "pet pets vet veterinary veterinarian animals mascotas mascota veterinaria veterinario animales",
           """Owner: name, email, phone?
Pet: name, species=dog|cat|bird|rabbit|other, breed?, birthday?, >Owner
Visit: visit_date, reason, diagnosis?, cost?, >Pet
Vaccination: vaccine, given_date, next_due_date?, >Pet"""),
    Domain("music", "Music Catalogue", "Catálogo musical",
           "music songs song playlist playlists albums artists tracks musica canciones discos artistas",
           """Artist: name, genre?, country?
Album: title, release_year, >Artist
Song: title, duration_seconds, number_in_album:int?, >Album
Playlist: name, description?
PlaylistEntry: position:int, >Playlist, >Song"""),
    Domain("movies", "Movie Reviews", "Reseñas de películas",
           "movie movies film films cinema movie+reviews film+reviews watchlist peliculas pelicula cine resenas series",
           """Genre: name!
Movie: title, release_year, director?, synopsis?, >Genre?
Review: reviewer_name, rating, comment?, >Movie"""),
    Domain("travel", "Trip Planner", "Planificador de viajes",
           "travel trip trips itinerary itineraries vacation holiday holidays viaje viajes itinerario "
           "vacaciones turismo",
           """Trip: title, destination, start_date, end_date, budget?, notes?
Activity: name, activity_date, location?, cost?, >Trip
Accommodation: name, check_in, check_out, cost?, >Trip"""),
    Domain("donations", "Donations", "Donaciones",
           "donation donations charity nonprofit non-profit fundraising donors ngo donaciones donativos "
           "ong caridad benefica recaudacion",
           """Campaign: title, description?, goal_amount, end_date?, active
Donor: name, email!, phone?
Donation: amount, donation_date, message?, anonymous, >Donor, >Campaign""", ("dashboard",)),
    Domain("sports", "Sports League", "Liga deportiva",
           "league sports team teams players tournament matches club football soccer basketball liga "
           "equipos jugadores torneo partidos club futbol",
           """Team: name!, city?
Player: name, position_role?, jersey_number:int?, >Team?
Match: match_date, opponent, score_for:int?, score_against:int?, >Team"""),
    Domain("health", "Health Tracker", "Seguimiento de salud",
           "health medication medications medicine pills symptoms blood+pressure wellness salud "
           "medicamentos medicacion sintomas",
           """Medication: name, dosage, frequency, start_date?, notes?
Dose: taken_at, taken, >Medication
Measurement: kind=weight|blood_pressure|heart_rate|glucose|steps, value, measured_at"""),
    Domain("meals", "Meal Planner", "Planificador de comidas",
           "meal meals nutrition diet calories calorie food+diary planificador+de+comidas nutricion dieta "
           "comidas calorias",
           """Food: name, calories, protein_g:decimal, carbs_g:decimal, fat_g:decimal
Meal: meal_date, kind=breakfast|lunch|dinner|snack, notes?
MealEntry: servings:decimal, >Meal, >Food"""),
    Domain("social", "Social Network", "Red social",
           "social+network social+media social+networking networking followers feed profiles friends "
           "hobbies red+social seguidores perfiles",
           """Profile: username!, display_name, bio?, website?
Post: content, >Profile
Comment: content, >Post, >Profile"""),
    Domain("documents", "Document Manager", "Gestor de documentos",
           "document documents docs files folders paperwork documentos archivos carpetas expedientes",
           """Folder: name!
Document: title, content, status=draft|review|final, >Folder?"""),
    Domain("planner", "Planner", "Agenda",
           "planner calendar scheduler scheduling reminders reminder agenda calendario recordatorios "
           "planificador",
           """Calendar: name, color?
Appointment: title, starts_at, ends_at?, location?, notes?, >Calendar?
Reminder: title, remind_at, done, >Appointment?"""),
    Domain("habits", "Habit Tracker", "Hábitos",
           "habit habits goals goal streaks habitos habito metas objetivos",
           """Habit: name, description?, target_per_week:int, active
Checkin: checkin_date, notes?, >Habit"""),
    Domain("shipping", "Shipments", "Envíos",
           "shipment shipments shipping deliveries delivery parcels packages courier envios entregas "
           "paquetes paqueteria mensajeria",
           """Courier: name, phone?
Shipment: tracking_code:string!, recipient_name, address,
    status=pending|in_transit|delivered|returned, weight_kg, shipped_date?, >Courier?"""),
)

EXTRA_DOMAINS: tuple[Domain, ...] = (
    Domain("analytics", "Data Explorer", "Explorador de datos",
           "data+analysis data+analytics dataset datasets data+sets analyze analyse analyzing analysis "
           "visualization visualisation visualizations visualize data+visualizer charts graphs query queries "
           "analisis+de+datos conjuntos+de+datos visualizacion",
           """Dataset: name, description?, source_url?, row_count:int?
Chart: title, kind=bar|line|pie|scatter|table, x_field, y_field?, notes?, >Dataset
Report: title, summary?, published, >Dataset?""", ("dashboard",)),
    Domain("shopping", "Shopping Lists", "Lista de la compra",
           "shopping+list shopping+lists grocery groceries wishlist wish+list purchases purchasing shopper "
           "lista+de+la+compra compras deseos",
           """ShoppingList: name, store?, shopping_date?
ListItem: name, quantity, price?, purchased, >ShoppingList
WishlistItem: name, link?, price?, priority=low|medium|high, purchased"""),
)
DOMAINS = DOMAINS + EXTRA_DOMAINS

# Kinds of app a short request can name ('Driving school management system') whose usual entities only
# kinds_stage uses: they are no home for definitions and no candidate when the text is scored for a domain.
TITLE_DOMAINS: tuple[Domain, ...] = (
    Domain("kanban", "Kanban Board", "Tablero Kanban", "kanban trello",
           """Board: name
BoardColumn: name, position:int, >Board?
Member: name, email
Card: title, description?, position:int, due_date:date?, >BoardColumn?, >Member?"""),
    Domain("pharmacy", "Pharmacy", "Farmacia", "pharmacy farmacia",
           """Medicine: name, active_ingredient?, strength?, form?, price:decimal?, stock:int, prescription_only:bool?
Supplier: name, email?, phone?
Customer: name, phone?, email?
Prescription: prescribed_on:date, prescriber?, status=received|dispensed|collected, >Customer
Sale: sold_at:datetime, total:decimal, >Customer?
SaleItem: quantity:int, unit_price:decimal, >Sale, >Medicine"""),
    Domain("payroll", "Payroll", "Nóminas", "payroll nominas",
           """Department: name!
Employee: name, email?, job_title?, salary:decimal, start_date:date?, >Department?
Payslip: period, gross_amount:decimal, tax:decimal?, net_amount:decimal, paid_on:date?, >Employee"""),
    Domain("parking", "Parking", "Aparcamiento", "parking aparcamiento",
           """ParkingLot: name, address?, capacity:int?
ParkingSpace: code!, level?, status=free|occupied|reserved, >ParkingLot
Vehicle: plate!, owner_name?
ParkingSession: entered_at:datetime, exited_at:datetime?, fee:decimal?, >Vehicle, >ParkingSpace"""),
    Domain("church", "Church", "Parroquia", "church parroquia iglesia",
           """Household: name, address?, phone?
Member: name, email?, phone?, joined_on:date?, >Household?
WorshipService: starts_at:datetime, title?, preacher?
SmallGroup: name, leader?, meeting_day?
Donation: amount:decimal, donated_on:date, fund?, >Member?"""),
    Domain("sportsclub", "Sports Club", "Club deportivo", "sports+club club+deportivo",
           """Member: name, email, phone?, birthday?
Team: name, age_group?
Coach: name, email?, phone?
TeamMember: position?, >Team, >Member
Match: played_on:date, opponent, venue?, score?, >Team
MembershipFee: season, amount:decimal, paid:bool, >Member"""),
    Domain("carrental", "Car Rental", "Alquiler de coches", "car+rental alquiler+de+coches",
           """Car: make, car_model, plate!, daily_rate:decimal, status=available|rented|maintenance
Customer: name, email, phone?, licence_number?
Rental: start_date:date, end_date:date, price:decimal, status=booked|active|returned|cancelled, >Car, >Customer"""),
    Domain("studio", "Studio", "Estudio", "yoga+studio pilates+studio fitness+studio",
           """Instructor: name, email?, bio?
Member: name, email, phone?
ClassSession: name, starts_at:datetime, duration_minutes:int, capacity:int, >Instructor
Booking: booked_at:datetime, status=booked|attended|cancelled, >Member, >ClassSession"""),
    Domain("gymbusiness", "Gym", "Gimnasio", "gym+management gimnasio",
           """Member: name, email, phone?
MembershipPlan: name, price:decimal, period=monthly|yearly
Membership: start_date:date, end_date:date?, status=active|frozen|cancelled, >Member, >MembershipPlan
Trainer: name, specialty?
ClassSession: name, starts_at:datetime, capacity:int, >Trainer?
CheckIn: checked_in_at:datetime, >Member"""),
    Domain("driving", "Driving School", "Autoescuela",
           "driving+school driving+schools driving+lessons driving+instructor driving+instructors autoescuela "
           "autoescuelas escuela+de+conducir clases+de+conducir practicas+de+conducir",
           """Instructor: name, email?, phone?, licence_number?
Student: name, email?, phone?, theory_passed:bool?
Vehicle: registration!, vehicle_model:string?, transmission=manual|automatic
Lesson: starts_at:datetime, duration_minutes:int, status=booked|done|cancelled|no_show, notes?, >Student, >Instructor,
 >Vehicle?"""),
    Domain("lessons", "Lessons School", "Escuela de clases",
           "dance+school dance+schools music+school music+schools language+school language+schools "
           "surf+school ski+school swim+school swimming+school riding+school sailing+school dive+school "
           "diving+school cooking+school art+school drama+school ballet+school dance+academy music+academy "
           "music+lessons dance+classes escuela+de+baile academia+de+baile escuela+de+musica "
           "academia+de+musica escuela+de+idiomas academia+de+idiomas escuela+de+surf escuela+de+vela "
           "escuela+de+danza escuela+de+natacion escuela+de+cocina",
           """Teacher: name, email?, phone?, specialty?
Student: name, email?, phone?, birthday?
Course: name, level=beginner|intermediate|advanced, schedule?, price?, capacity:int?, >Teacher?
Enrollment: enrolled_on:date, status=active|paused|ended, >Student, >Course"""),
    Domain("tutoring", "Tutoring Centre", "Academia", "tutoring+center tutoring+centre tuition+centre academia",
           """Tutor: name, email?, phone?, subjects?
Student: name, email?, phone?, school_year?
Subject: name!
TutoringSession: starts_at:datetime, duration_minutes:int, status=booked|done|cancelled, notes?, >Tutor, >Subject?
Attendance: present:bool?, notes?, >TutoringSession, >Student"""),
    Domain("coworking", "Coworking Space", "Coworking", "coworking co-working",
           """Member: name, email, company?, phone?
MembershipPlan: name, price:decimal, period=daily|monthly|yearly
Membership: start_date:date, end_date:date?, status=active|paused|ended, >Member, >MembershipPlan
Space: name, kind=desk|private_office|meeting_room, capacity:int?
Booking: starts_at:datetime, ends_at:datetime, >Member, >Space"""),
    Domain("fieldservice", "Field Service", "Servicio técnico",
           "hvac electrician electricians plumber plumbers plumbing handyman pest+control electricista fontanero",
           """Customer: name, phone, email?, address
Technician: name, phone?, trade?
Job: title, description?, scheduled_on:date?, status=requested|scheduled|in_progress|done|invoiced, >Customer,
 >Technician?
Invoice: number_code:string!, issued_on:date, amount:decimal, paid:bool, >Job"""),
    Domain("cinema", "Cinema", "Cine", "cinema cinemas movie+theater movie+theatre",
           """Movie: title, duration_minutes:int?, age_rating?, genre?
Screen: name, capacity:int
Showtime: starts_at:datetime, price:decimal?, >Movie, >Screen
Customer: name, email
TicketBooking: booked_at:datetime, seats:int, total:decimal?, status=booked|paid|cancelled, >Showtime, >Customer"""),
    Domain("golf", "Golf Club", "Club de golf", "golf+club golf+course club+de+golf campo+de+golf",
           """Member: name, email, phone?, handicap:decimal?
TeeTime: starts_at:datetime, players:int?, >Member
Competition: name, played_on:date
CompetitionEntry: gross_score:int?, net_score:int?, >Competition, >Member"""),
    Domain("bakery", "Bakery", "Panadería", "bakery bakeries panaderia pasteleria",
           """Product: name, price:decimal, category?, allergens?
Customer: name, phone?, email?
Order: order_date:date, collection_date:date?, status=placed|ready|collected|cancelled, total:decimal?, >Customer
OrderItem: quantity:int, >Order, >Product
Batch: baked_on:date, quantity:int, >Product"""),
    Domain("shelter", "Animal Shelter", "Refugio de animales",
           "animal+shelter animal+rescue dog+rescue cat+rescue refugio+de+animales protectora",
           """Animal: name, species=dog|cat|other, breed?, age?, intake_date:date?,
 status=intake|available|reserved|adopted
Adopter: name, email, phone?
AdoptionApplication: submitted_on:date, status=pending|approved|rejected, >Animal, >Adopter
Volunteer: name, email?, phone?
VetRecord: record_date:date, kind=vaccination|deworming|sterilisation|checkup|treatment, notes:text?, >Animal"""),
    Domain("marina", "Marina", "Puerto deportivo", "marina marinas puerto+deportivo",
           """Berth: code!, length_m:decimal?, status=free|occupied|reserved
Customer: name, email, phone?
Boat: name, length_m:decimal?, >Customer
BerthBooking: start_date:date, end_date:date?, price:decimal?, >Berth, >Boat"""),
    Domain("ensemble", "Orchestra", "Orquesta", "orchestra orchestras orquesta choir coro concert+band brass+band",
           """Musician: name, email?, phone?, instrument?, section?
Rehearsal: starts_at:datetime, location?, notes?
Concert: title, starts_at:datetime, venue?
Piece: title, composer?
Attendance: present:bool?, >Rehearsal, >Musician"""),
    Domain("carwash", "Car Wash", "Lavadero", "car+wash car+washes lavadero autolavado",
           """Customer: name, email?, phone?
Vehicle: plate!, make?, colour?, >Customer?
WashPackage: name, price:decimal, duration_minutes:int?
Wash: washed_at:datetime, price:decimal?, status=queued|washing|done, >Vehicle, >WashPackage"""),
    Domain("campground", "Campground", "Camping",
           "campground campgrounds campsite campsites caravan+park rv+park camping",
           """Pitch: code!, kind=tent|caravan|rv|cabin, electric_hookup:bool?, nightly_rate:decimal
Guest: name, email, phone?
Reservation: start_date:date, end_date:date, adults:int?, children:int?, status=booked|checked_in|checked_out|cancelled,
 >Pitch, >Guest"""),
    Domain("photostudio", "Photography Studio", "Estudio de fotografía",
           "photography+studio photo+studio photography+business estudio+de+fotografia",
           """Client: name, email, phone?
PhotoPackage: name, price:decimal, hours:int?
Shoot: shoot_date:date, location?, status=enquiry|booked|shot|edited|delivered, >Client, >PhotoPackage?
Photo: photo:file, caption?, >Shoot"""),
    Domain("tattoo", "Tattoo Studio", "Estudio de tatuajes",
           "tattoo+parlour tattoo+parlor tattoo+studio tattoo+shop estudio+de+tatuajes",
           """Client: name, email?, phone?, allergies:text?
Artist: name, style?
Appointment: starts_at:datetime, duration_minutes:int?, design_notes:text?, deposit:decimal?,
 status=booked|done|cancelled|no_show, >Client, >Artist
ConsentForm: signed_on:date, form:file?, >Client, >Appointment?"""),
    Domain("dental", "Dental Clinic", "Clínica dental", "dental+clinic dental+practice dentist clinica+dental",
           """Patient: name, birthday:date?, email?, phone?
Dentist: name, email?
Appointment: starts_at:datetime, reason?, status=booked|attended|cancelled|no_show, >Patient, >Dentist
Treatment: name, price:decimal?
TreatmentRecord: performed_on:date, tooth?, notes:text?, >Patient, >Treatment, >Appointment?"""),
    Domain("removals", "Moving Company", "Empresa de mudanzas",
           "moving+company removals+company removal+company removals empresa+de+mudanzas mudanzas",
           """Customer: name, email?, phone?
Move: move_date:date, from_address, to_address, volume_cubic_m:decimal?, price:decimal?,
 status=quoted|booked|done|invoiced|cancelled, >Customer
Truck: plate!, capacity_cubic_m:decimal?
Mover: name, phone?
MoveAssignment: >Move, >Mover, >Truck?"""),
    Domain("printshop", "Print Shop", "Imprenta", "print+shop printing+company print+shops imprenta copisteria",
           """Customer: name, email, phone?
Product: name, base_price:decimal?
PrintJob: title, quantity:int, due_date:date?, price:decimal?,
 status=quoted|approved|printing|finishing|ready|collected|shipped, >Customer, >Product?"""),
    Domain("climbing", "Climbing Gym", "Rocódromo",
           "climbing+gym climbing+wall bouldering+gym climbing+centre rocodromo",
           """Member: name, email, phone?
Membership: kind=monthly|ten_visit|day_pass, start_date:date, end_date:date?, >Member
CheckIn: checked_in_at:datetime, >Member
Route: name, grade, colour?, sector?, set_on:date?
Ascent: climbed_on:date, style=flash|redpoint|top_rope?, >Member, >Route"""),
    Domain("escaperoom", "Escape Room", "Sala de escape", "escape+room escape+rooms sala+de+escape",
           """Room: name, theme?, difficulty:int?, capacity:int, duration_minutes:int?
Customer: name, email, phone?
Booking: starts_at:datetime, players:int, status=booked|played|cancelled, >Room, >Customer
GameResult: escaped:bool, time_minutes:int?, hints_used:int?, >Booking"""),
    Domain("brewery", "Brewery", "Cervecería", "brewery breweries microbrewery brewpub cerveceria+artesanal",
           """Beer: name, style?, abv:decimal?
Brew: brewed_on:date, volume_litres:decimal?, status=fermenting|conditioning|packaged, >Beer
Keg: code!, size_litres:decimal?, status=full|on_tap|empty|at_customer, >Brew?, >Customer?
Customer: name, email?, phone?"""),
    Domain("vineyard", "Vineyard", "Viñedo", "vineyard vineyards winery wineries vinedo",
           """Block: name, grape_variety?, area_ha:decimal?
Harvest: harvested_on:date, quantity_kg:decimal, >Block
Wine: name, vintage:int?, grape?, price:decimal?"""),
    Domain("nursery", "Plant Nursery", "Vivero", "plant+nursery garden+centre garden+center vivero",
           """Plant: common_name, latin_name?, pot_size?, price:decimal, stock:int
Supplier: name, email?, phone?
Customer: name, email?, phone?
Order: order_date:date, status=placed|ready|collected|cancelled, >Customer
OrderItem: quantity:int, >Order, >Plant"""),
    Domain("dojo", "Martial Arts School", "Escuela de artes marciales",
           "martial+arts karate judo taekwondo dojo jiu+jitsu artes+marciales",
           """Student: name, birthday:date?, belt?, email?
Instructor: name, email?
ClassSession: name, starts_at:datetime, >Instructor?
Attendance: present:bool?, >Student, >ClassSession
Grading: held_on:date, belt_awarded?, passed:bool, >Student"""),
    Domain("chessclub", "Chess Club", "Club de ajedrez", "chess+club club+de+ajedrez",
           """Member: name, email, rating:int?
Tournament: name, start_date:date, rounds:int?
TournamentEntry: score:decimal?, >Tournament, >Member
Game: played_on:date, result=white_won|black_won|draw, >Tournament?"""),
    Domain("pottery", "Pottery Studio", "Taller de cerámica", "pottery+studio ceramics+studio taller+de+ceramica",
           """Member: name, email, phone?
ClassSession: name, starts_at:datetime, capacity:int?
Booking: status=booked|attended|cancelled, >Member, >ClassSession
Piece: name, stage=greenware|bisque|glazed|fired|collected, shelf?, >Member
Firing: fired_on:date, kind=bisque|glaze"""),
    Domain("icerink", "Ice Rink", "Pista de hielo", "ice+rink ice+rinks skating+rink pista+de+hielo",
           """IceSession: starts_at:datetime, kind=public|lesson|hockey|figure, capacity:int?
Customer: name, email?, phone?
Booking: skaters:int, skate_hire:bool?, >IceSession, >Customer"""),
    Domain("allotment", "Allotments", "Huertos", "allotment allotments community+garden huertos+urbanos",
           """Plot: code!, area_sqm:decimal?, annual_rent:decimal?
Member: name, email, phone?
Tenancy: start_date:date, end_date:date?, rent_paid:bool?, >Plot, >Member
WaitlistEntry: joined_at:date, >Member
Inspection: inspected_on:date, score:int?, notes:text?, >Plot"""),
    Domain("beekeeping", "Beekeeping", "Apicultura", "beekeeping beekeepers apiary apiaries apicultura",
           """Apiary: name, location?
Hive: name, queen_year:int?, status=active|dead|sold, >Apiary
Inspection: inspected_on:date, queen_seen:bool?, varroa_count:int?, notes:text?, >Hive
HoneyHarvest: harvested_on:date, weight_kg:decimal, >Hive"""),
)

# Entities the lexicon names that no domain defines: used when a prompt names them (never scored as a domain).
LIBRARY = Domain("library-extra", "", "", "", """GymClass: name, starts_at, duration_minutes?, capacity
SchoolClass: name, school_year?, room?
ClassSession: name, starts_at, duration_minutes?, capacity
Session: title, starts_at, duration_minutes?, notes?
Rental: start_date, end_date, price?, status=active|returned|late
Tenant: name, email, phone?
Lease: start_date, end_date, monthly_rent, deposit?
Meeting: title, starts_at, location?, notes?
Issue: title, description, status=open|in_progress|resolved|closed, priority=low|medium|high|critical
Shift: shift_date, start_time:string, end_time:string, location?
Volunteer: name, email!, phone?
Location: name, address?
Speaker: name, bio?, email?
Talk: title, abstract:text?, starts_at, room:string?
Episode: title, publish_date, duration_minutes, audio_url?, description?
Tutor: name, email!, subject?, hourly_rate?
Equipment: name, serial_number:string?, daily_rate?, available
Sample: code!, collected_at, sample_type:string, status=received|processing|analysed|archived
Building: name, address?
Feedback: message, rating?, email?""")

GENERIC = Domain("generic", "Records", "Registros", "", """Category: name!
Item: name, description?, status=active|archived, >Category?""")

_BY_KEY = {d.key: d for d in DOMAINS}


def get_domain(key: str) -> Domain:
    """The domain called `key` (the generic one when unknown)."""
    return _BY_KEY.get(key, GENERIC)


def parse_entities(text: str) -> list[EntitySpec]:
    """Parse the catalogue's entity lines into EntitySpecs."""
    out = []
    # Indented lines continue the entity line above (keeps the catalogue within the line length).
    for line in re.sub(r"\n\s+", " ", text.strip()).splitlines():
        name, _, body = line.partition(":")
        fields: list[FieldSpec] = []
        relations: list[RelationSpec] = []
        for token in (t.strip() for t in body.split(",")):
            if not token:
                continue
            optional = token.endswith("?")
            token = token.rstrip("?")
            unique = token.endswith("!")
            token = token.rstrip("!")
            if token.startswith(">"):
                relations.append(RelationSpec(target=token[1:], required=not optional))
                continue
            fname, _, rest = token.partition("=")
            fname, _, type_hint = fname.partition(":")
            if rest:
                field = FieldSpec(name=fname, type="enum", choices=rest.split("|"), required=not optional)
            else:
                field = infer_field(fname, type_hint=type_hint or None)
                field.required = field.type != "bool" and not optional
            field.unique = field.unique or unique
            fields.append(field)
        out.append(EntitySpec(name=name.strip(), fields=fields, relations=relations))
    return out
